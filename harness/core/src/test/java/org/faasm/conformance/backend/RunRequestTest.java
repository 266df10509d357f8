package org.faasm.conformance.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.faasm.conformance.spec.Expectation;
import org.faasm.conformance.spec.Placement;
import org.faasm.conformance.spec.Spec;
import org.junit.jupiter.api.Test;

/** No backend can reach what a spec expects: the SPI hands it a run request, which leads nowhere near the spec. */
class RunRequestTest {

    @Test
    void theRunRequestHasNoPathToWhatTheSpecExpects() {
        // Only plain values and where messages run: no spec, no expectation, nothing that leads to one.
        assertThat(Arrays.stream(RunRequest.class.getRecordComponents()).map(c -> c.getType().getName()))
                .doesNotContain(Spec.class.getName(), Expectation.class.getName())
                .allSatisfy(type -> assertThat(type.startsWith("java.") || type.equals("[B") || type.equals("int")
                        || type.equals(Placement.class.getName())).as(type).isTrue());
    }

    @Test
    void noBackendMethodIsGivenASpec() {
        for (Method method : Backend.class.getMethods()) {
            assertThat(method.getParameterTypes()).as(method.toString()).doesNotContain(Spec.class, Expectation.class);
        }
    }
}
