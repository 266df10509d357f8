package org.faasm.conformance.jvm;

/** A chained call the run limits do not allow; the message that made it fails with a host error saying which. */
public final class ChainRefused extends RuntimeException {
    private ChainRefused(String message) {
        super("chained call refused: " + message + " (see harness/docs/limits.md; Faasm would leave it unscheduled"
                + " once its slots ran out)", null, false, false);
    }

    static ChainRefused tooDeep(RunLimits limits) {
        return new ChainRefused("it would nest deeper than the harness's limit of " + limits.chainDepth()
                + " (RunLimits.chainDepth)");
    }

    static ChainRefused tooMany(RunLimits limits) {
        return new ChainRefused("the app has already made " + limits.chainedCallsPerApp()
                + " chained calls, the harness's limit (RunLimits.chainedCallsPerApp)");
    }

    static ChainRefused noSlot(RunLimits limits) {
        return new ChainRefused("all " + limits.concurrentMessages()
                + " message slots of the backend are in use (RunLimits.concurrentMessages)");
    }
}
