package org.faasm.conformance.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.faasm.conformance.browser.ChromiumLocator;
import org.junit.jupiter.api.Assumptions;

/** The Chromium a browser test drives. Without one the test fails in CI (CI=true) and is aborted, with the reason, elsewhere. */
public final class Chromium {
    private Chromium() {}

    public static Path required() {
        ChromiumLocator.Result result = ChromiumLocator.system().locate();
        if (result.executable().isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI needs a browser for this test: " + result.description());
            }
            Assumptions.abort(result.description());
        }
        return result.executable().get();
    }
}
