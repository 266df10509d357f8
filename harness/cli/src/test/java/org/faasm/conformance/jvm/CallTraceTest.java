package org.faasm.conformance.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.faasm.conformance.observe.HostCall;
import org.junit.jupiter.api.Test;

/**
 * A message's trace keeps at most {@link CallTrace#LIMIT} Faasm calls and as many other calls, each kind
 * counted on its own, and says how many it dropped. Beside the suite, so PIT's runs use it.
 */
class CallTraceTest {
    @Test
    void eachKindKeepsItsFirstCallsUpToTheLimitAndTheRestAreCounted() {
        CallTrace trace = new CallTrace();
        for (int i = 0; i < CallTrace.LIMIT + 2; i++) {
            trace.add(new HostCall("__faasm_read_input", List.of(Integer.toString(i)), "0"));
        }
        for (int i = 0; i < CallTrace.LIMIT + 1; i++) {
            trace.add(new HostCall("fd_write", List.of(Integer.toString(i)), "0"));
        }

        List<HostCall> calls = trace.calls();

        assertThat(calls).hasSize(2 * CallTrace.LIMIT + 1);
        assertThat(calls.stream().filter(c -> c.name().equals("__faasm_read_input"))).hasSize(CallTrace.LIMIT);
        assertThat(calls.stream().filter(c -> c.name().equals("fd_write"))).hasSize(CallTrace.LIMIT);
        assertThat(calls.get(CallTrace.LIMIT - 1).arguments()).containsExactly(Integer.toString(CallTrace.LIMIT - 1));
        assertThat(calls.get(calls.size() - 1)).isEqualTo(new HostCall("(trace truncated)", List.of("3 more calls"), null));
    }

    @Test
    void aTraceWithinTheLimitIsKeptWhole() {
        CallTrace trace = new CallTrace();
        trace.add(new HostCall("__faasm_write_output", List.of("0x10", "2"), null));
        trace.add(new HostCall("proc_exit", List.of("0"), "exit"));

        assertThat(trace.calls()).extracting(HostCall::name).containsExactly("__faasm_write_output", "proc_exit");
    }
}
