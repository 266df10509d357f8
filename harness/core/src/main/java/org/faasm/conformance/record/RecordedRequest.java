package org.faasm.conformance.record;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.faasm.conformance.backend.RunRequest;

/**
 * What a recording was made for: the SHA-256 of the request the backend was given (all a backend is given of a
 * spec: function, input, command line, hosts, given state and files, placement, functions, keys and shared
 * files to report; each field length-prefixed, so no two requests encode alike) and of every module it could
 * run. A spec whose expectations change keeps its recording, which is then judged by them; one whose request
 * or modules change does not.
 */
public record RecordedRequest(String sha256, Map<String, String> modules) {
    /** Written in a module's place when {@code wasm/} has no such file. */
    public static final String ABSENT = "absent";

    public RecordedRequest {
        modules = Map.copyOf(modules);
    }

    /** For {@code request} on modules from {@code wasmDir}: its functions, plus {@code helpers} the backend uploads itself (a state probe). */
    public static RecordedRequest of(RunRequest request, Path wasmDir, Collection<String> helpers) {
        Set<String> names = new LinkedHashSet<>();
        names.add(request.function());
        names.addAll(request.functions());
        names.addAll(helpers);
        Map<String, String> modules = new TreeMap<>();
        for (String name : names) {
            Path module = wasmDir.resolve(name + ".wasm");
            try {
                modules.put(name, Files.isRegularFile(module) ? hex(newDigest().digest(Files.readAllBytes(module))) : ABSENT);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + module, e);
            }
        }
        return new RecordedRequest(hex(newDigest().digest(encode(request))), modules);
    }

    /** What differs from {@code now}, in words, for a STALE verdict; empty when nothing does. */
    public String differenceFrom(RecordedRequest now) {
        StringBuilder what = new StringBuilder();
        if (!sha256.equals(now.sha256)) {
            what.append("the request (input, given state or files, placement, functions or keys) changed");
        }
        Set<String> names = new java.util.TreeSet<>(modules.keySet());
        names.addAll(now.modules.keySet());
        for (String name : names) {
            if (!String.valueOf(modules.get(name)).equals(String.valueOf(now.modules.get(name)))) {
                what.append(what.isEmpty() ? "" : "; ").append("module ").append(name).append(" changed");
            }
        }
        return what.toString();
    }

    private static byte[] encode(RunRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, request.function().getBytes(StandardCharsets.UTF_8));
            field(out, request.input());
            field(out, (request.cmdline() == null ? "" : request.cmdline()).getBytes(StandardCharsets.UTF_8));
            out.writeInt(request.hosts());
            entries(out, request.givenState());
            entries(out, request.givenFiles());
            field(out, request.placement().toString().getBytes(StandardCharsets.UTF_8));
            names(out, request.functions());
            names(out, request.stateKeys());
            names(out, request.sharedFilesToReport());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entries(DataOutputStream out, Map<String, byte[]> entries) throws IOException {
        out.writeInt(entries.size());
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            field(out, entry.getKey().getBytes(StandardCharsets.UTF_8));
            field(out, entry.getValue());
        }
    }

    private static void names(DataOutputStream out, Collection<String> names) throws IOException {
        out.writeInt(names.size());
        for (String name : names) {
            field(out, name.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
