package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.faasm.conformance.verdict.Status;

/** Reads a result of a {@code report.json}: its final status, and the status its backend itself produced. */
public final class ResultStatus {
    private ResultStatus() {}

    public static Status of(JsonNode result) {
        return Status.valueOf(result.path("status").asText());
    }

    /** Before expectations: XFAIL is the expected status again, XPASS a PASS. */
    public static Status observed(JsonNode result) {
        Status status = of(result);
        return switch (status) {
            case XFAIL -> Status.valueOf(result.path("expectation").path("status").asText("FAIL"));
            case XPASS -> Status.PASS;
            default -> status;
        };
    }
}
