package org.faasm.conformance.jvm;

import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.observe.HostCall;

/**
 * The host calls one message made, in order; capped so a chatty guest cannot exhaust the heap. The
 * {@code __faasm_*} calls and the others (WASI) are capped apart: agreement compares only the former,
 * and WASI calls, which differ by backend, must never crowd them out.
 */
final class CallTrace {
    /** Calls kept of each kind. */
    static final int LIMIT = 10_000;

    private final List<HostCall> calls = new ArrayList<>();
    private int faasmCalls;
    private int otherCalls;
    private int dropped;

    void add(HostCall call) {
        boolean faasm = call.name().startsWith("__faasm_");
        if ((faasm ? faasmCalls : otherCalls) >= LIMIT) {
            dropped++;
            return;
        }
        calls.add(call);
        if (faasm) {
            faasmCalls++;
        } else {
            otherCalls++;
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
