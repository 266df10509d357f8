package org.faasm.conformance.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a browser): CI installs it (.ci/run), so there its absence fails
 * the test (CI=true); elsewhere the test is aborted with the reason.
 */
public final class RequiredInCi {
    private RequiredInCi() {}

    public static void missing(String what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI needs this for the test: " + what);
        }
        Assumptions.abort(what);
    }
}
