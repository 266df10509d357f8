package org.faasm.conformance.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /**
     * FLUSH_EXECUTORS: every worker drops its local tier, and with it the values it was main of (Faasm
     * still records it as their main, so they are lost; the harness never touches them again). The
     * upload server's values stay: neither RESET nor any flush wipes them.
     */
    void flushWorkers() {
        spaces.values().forEach(Space::flushWorkers);
    }

    private Space space(String user) {
        return spaces.computeIfAbsent(user, u -> new Space(workers));
    }

    private static final class Space {
        final GlobalState global = new GlobalState();
        final List<HostState> workers = new CopyOnWriteArrayList<>();
        final HostState upload = new HostState("upload", global);

        Space(int count) {
            for (int i = 0; i < count; i++) {
                workers.add(new HostState("worker-" + i, global));
            }
        }

        void flushWorkers() {
            for (int i = 0; i < workers.size(); i++) {
                global.forgetMainsOn(workers.get(i));
                workers.set(i, new HostState("worker-" + i, global));
            }
        }
    }
}
