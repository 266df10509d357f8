package org.faasm.conformance.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.faasm.conformance.state.GlobalState;
import org.faasm.conformance.state.HostState;

/**
 * State per user (Faasm scopes every key to its user): each user has a global tier, a local tier on
 * every worker, and one on the upload server, which becomes a key's main when a client writes it first.
 */
final class StateSpaces {
    private final int workers;
    private final Map<String, Space> spaces = new ConcurrentHashMap<>();

    StateSpaces(int workers) {
        this.workers = workers;
    }

    HostState worker(String user, int index) {
        return space(user).workers.get(index);
    }

    HostState upload(String user) {
        return space(user).upload;
    }

    /** Forgets every value, as flushing workers and restarting the upload server does. */
    void clear() {
        spaces.clear();
    }

    private Space space(String user) {
        return spaces.computeIfAbsent(user, u -> new Space(workers));
    }

    private static final class Space {
        final List<HostState> workers = new ArrayList<>();
        final HostState upload;

        Space(int count) {
            GlobalState global = new GlobalState();
            for (int i = 0; i < count; i++) {
                workers.add(new HostState("worker-" + i, global));
            }
            upload = new HostState("upload", global);
        }
    }
}
