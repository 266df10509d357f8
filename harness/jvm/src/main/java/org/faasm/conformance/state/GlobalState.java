package org.faasm.conformance.state;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The global tier in Faasm's default {@code inmemory} state mode (reference §2.7): there is no
 * separate store; the first host to create a key becomes its <em>main</em> and that host's local
 * copy is the global copy. Appended values live with the main too. One instance is one cluster.
 */
public final class GlobalState {
    private final Map<String, HostState> mains = new LinkedHashMap<>();
    private final Map<String, List<byte[]>> appended = new LinkedHashMap<>();

    /** The host whose local copy of {@code key} is the global copy, if any host has created it. */
    synchronized Optional<HostState> mainOf(String key) {
        return Optional.ofNullable(mains.get(key));
    }

    /** Makes {@code host} the main of {@code key} unless it already has one. */
    synchronized void claimMain(String key, HostState host) {
        mains.putIfAbsent(key, host);
    }

    /** Forgets the keys whose main is {@code host}, a worker whose local tier was flushed. */
    public synchronized void forgetMainsOn(HostState host) {
        mains.values().removeIf(main -> main == host);
    }

    synchronized void append(String key, byte[] value) {
        appended.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    /** The first {@code count} appended values, concatenated; fewer than that is an error. */
    synchronized byte[] readAppended(String key, int count) {
        List<byte[]> values = appended.getOrDefault(key, List.of());
        if (values.size() < count) {
            throw new StateException("read_appended_state: key '" + key + "' has " + values.size()
                    + " appended values, " + count + " requested");
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        values.subList(0, count).forEach(joined::writeBytes);
        return joined.toByteArray();
    }

    synchronized void clearAppended(String key) {
        appended.remove(key);
    }

    /** The global value of each of {@code keys} that has one, in their order (none for a sizeless one). */
    public synchronized Map<String, byte[]> values(Collection<String> keys) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (String key : keys) {
            HostState main = mains.get(key);
            if (main != null) {
                main.globalCopy(key).ifPresent(value -> values.put(key, value));
            }
        }
        return values;
    }
}
