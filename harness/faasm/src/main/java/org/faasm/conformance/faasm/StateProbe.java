package org.faasm.conformance.faasm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * Reads state on a Faasm cluster without {@code GET /s/}, which crashes Faasm's upload server for a
 * key with no value (reference §0.1 item 2): our own function {@code func/state_probe.c}, run as the
 * spec's user, reports each key's size and bytes through the host interface. It pulls before reading
 * and leaves a local copy on the worker it ran on, so it is for after a run; the browser's page asks
 * it only for sizes during one (cluster-client.mjs), uploading it itself when this has not.
 */
public final class StateProbe {
    public static final String FUNCTION = "state_probe";
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private final FaasmClient client;
    private final byte[] wasm;

    /** The functions a cluster runs for a spec: its entry, those it chains by name, and this probe. */
    public static Set<String> functionsFor(Collection<String> named) {
        Set<String> functions = new LinkedHashSet<>(named);
        functions.add(FUNCTION);
        return functions;
    }

    public StateProbe(FaasmClient client, Path wasmDir) throws IOException {
        this.client = client;
        this.wasm = Files.readAllBytes(wasmDir.resolve(FUNCTION + ".wasm"));
    }

    /** Makes the probe runnable as {@code user} (functions, like state, belong to a user). */
    public void upload(String user) {
        client.uploadFunction(user, FUNCTION, wasm);
    }

    /** The global value of each of {@code keys} that has one, in their order; keys with no value are left out. */
    public Map<String, byte[]> values(String user, Collection<String> keys) throws InterruptedException, TimeoutException {
        Map<String, byte[]> values = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return values;
        }
        if (keys.stream().anyMatch(key -> key.isEmpty() || key.contains("\n"))) {
            throw new IllegalArgumentException("the state probe takes one non-empty key per line: " + keys);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int appId = random.nextInt(1, Integer.MAX_VALUE);
        int id = random.nextInt(1, Integer.MAX_VALUE);
        byte[] input = ("value\n" + String.join("\n", keys)).getBytes(StandardCharsets.UTF_8);
        client.executeBatch(appId, user, List.of(new BatchMessage(id, FUNCTION, 0, input, "")));
        MessageResult result = client.awaitResults(appId, id, DEADLINE).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new FaasmApiException("the state probe's result is missing from app " + appId));
        String[] lines = result.output().split("\n", -1);
        if (result.returnValue() != 0 || lines.length != keys.size() + 1) {
            throw new FaasmApiException("the state probe failed (return value " + result.returnValue() + "): "
                    + PlannerMessages.abbreviate(result.output()));
        }
        int line = 0;
        for (String key : keys) {
            String[] sizeAndHex = lines[line++].split(" ", 2);
            if (!sizeAndHex[0].equals("0")) {
                values.put(key, HexFormat.of().parseHex(sizeAndHex[1]));
            }
        }
        return values;
    }
}
