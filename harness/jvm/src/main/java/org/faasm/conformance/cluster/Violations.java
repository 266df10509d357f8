package org.faasm.conformance.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedded cluster's strict mode: every {@link Violation} is recorded here until reported, so
 * that whoever used the cluster fails — the spec that sent it (through
 * {@link EmbeddedCluster#checkStrict()}), or, failing that, the cluster's {@code close()}.
 */
final class Violations {
    private final List<String> unreported = new ArrayList<>();

    /** Records a violation; returns its description, for the answer. */
    synchronized String record(String request, String why) {
        String description = request + ": " + why;
        unreported.add(description);
        return description;
    }

    /** Throws naming every violation recorded since the last call. */
    synchronized void report() {
        if (!unreported.isEmpty()) {
            String all = String.join("; ", unreported);
            unreported.clear();
            throw new StrictModeViolation("the embedded cluster got requests real Faasm would not survive: " + all);
        }
    }
}
