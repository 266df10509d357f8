package org.faasm.conformance.testing;

import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.backend.RunRequest;

/**
 * A deliberately wrong host, to prove that disagreement is caught: it reports what the wrapped backend
 * saw with one fault in the entry message.
 */
public final class FaultyBackend extends RenamedBackend {
    public enum Fault {
        /** The last chained call never happened: gone from the call tree and from the trace. */
        DROP_LAST_CHAINED_CALL,
        /** The output gets one byte more. */
        CHANGE_OUTPUT
    }

    private final Fault fault;

    public FaultyBackend(Backend delegate, String name, Fault fault) {
        super(delegate, name);
        this.fault = fault;
    }

    @Override
    public Observation run(RunRequest request) throws Exception {
        Observation o = super.run(request);
        return switch (fault) {
            case CHANGE_OUTPUT -> copy(o, append(o.output()), o.chained(), o.trace());
            case DROP_LAST_CHAINED_CALL -> o.chained().isEmpty() ? o
                    : copy(o, o.output(), o.chained().subList(0, o.chained().size() - 1), withoutLastChainCall(o.trace()));
        };
    }

    private static List<HostCall> withoutLastChainCall(List<HostCall> trace) {
        List<HostCall> calls = new ArrayList<>(trace);
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).name().startsWith("__faasm_chain_")) {
                String id = calls.remove(i).result();
                calls.removeIf(c -> c.name().startsWith("__faasm_await_call") && c.arguments().get(0).equals(id));
                break;
            }
        }
        return List.copyOf(calls);
    }

    private static byte[] append(byte[] output) {
        byte[] changed = java.util.Arrays.copyOf(output, output.length + 1);
        changed[output.length] = '!';
        return changed;
    }

    private static Observation copy(Observation o, byte[] output, List<Observation> chained, List<HostCall> trace) {
        return new Observation(o.function(), o.funcPtr(), o.input(), o.outcome(), o.returnValue(), output, o.error(), o.stdout(),
                o.stderr(), o.host(), chained, o.stateAfter(), trace, o.timings());
    }
}
