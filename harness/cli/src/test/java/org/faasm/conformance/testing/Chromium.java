package org.faasm.conformance.testing;

import java.nio.file.Path;
import org.faasm.conformance.browser.ChromiumLocator;

/** The Chromium a browser test drives. Without one the test fails in CI (CI=true) and is aborted, with the reason, elsewhere. */
public final class Chromium {
    private Chromium() {}

    public static Path required() {
        ChromiumLocator.Result result = ChromiumLocator.system().locate();
        if (result.executable().isEmpty()) {
            RequiredInCi.missing(result.description());
        }
        return result.executable().get();
    }
}
