package org.faasm.conformance.expectations;

import java.util.Optional;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Status;

/** One entry as it is written to an expectations file. */
public record Entry(String spec, Status status, String reason, Optional<String> link) {
    public static final String TODO = "TODO: triage";

    static Entry from(ExpectedStatus entry) {
        return new Entry(entry.pattern(), entry.status(), entry.reason(), entry.link());
    }

    static Entry exact(String specId, Status status, ExpectedStatus from) {
        return new Entry(specId, status, from.reason(), from.link());
    }
}
