package org.faasm.conformance.jvm;

import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.observe.HostCall;

/** The host calls one message made, in order; capped so a chatty guest cannot exhaust the heap. */
final class CallTrace {
    static final int LIMIT = 10_000;

    private final List<HostCall> calls = new ArrayList<>();
    private int dropped;

    void add(HostCall call) {
        if (calls.size() < LIMIT) {
            calls.add(call);
        } else {
            dropped++;
        }
    }

    List<HostCall> calls() {
        if (dropped == 0) {
            return List.copyOf(calls);
        }
        List<HostCall> all = new ArrayList<>(calls);
        all.add(new HostCall("(trace truncated)", List.of(dropped + " more calls"), null));
        return List.copyOf(all);
    }
}
