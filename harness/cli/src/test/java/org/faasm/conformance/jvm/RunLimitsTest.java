package org.faasm.conformance.jvm;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The harness's own limits on chains and messages refuse values that could not hold, at their edges.
 * Beside the suite in this module, so PIT's runs of the profile -Pmutation use it.
 */
class RunLimitsTest {
    @Test
    void theSmallestLimitsThatHoldAreAccepted() {
        // One chained call, depth one, and a pool with room for a chain awaiting each level plus one.
        assertThatCode(() -> new RunLimits(1, 1, 3)).doesNotThrowAnyException();
    }

    @Test
    void chainedCallLimitsMustBePositive() {
        assertThatThrownBy(() -> new RunLimits(0, 1, 3)).hasMessage("chained-call limits must be positive");
        assertThatThrownBy(() -> new RunLimits(1, 0, 3)).hasMessage("chained-call limits must be positive");
    }

    @Test
    void thePoolMustOutgrowAChainAwaitingEachLevel() {
        assertThatThrownBy(() -> new RunLimits(1, 1, 2)).hasMessage("concurrentMessages (2) must exceed chainDepth + 1 (2)");
    }
}
