package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrowserLauncherTest {

    @Test
    void noSandboxOnlyForRoot() {
        assertThat(BrowserLauncher.flags(true)).startsWith("--no-sandbox").containsAll(BrowserLauncher.FLAGS);
        assertThat(BrowserLauncher.flags(false)).doesNotContain("--no-sandbox");
    }

    @Test
    void launchesTheLocatedChromiumHeadless() {
        ChromiumLocator.Result chromium = ChromiumLocator.system().locate();
        assumeTrue(chromium.executable().isPresent(), chromium.description());
        Path executable = chromium.executable().get();
        try (Playwright playwright = BrowserLauncher.playwright();
                Browser browser = BrowserLauncher.launch(playwright, executable)) {
            assertThat(browser.version()).isNotBlank();
            assertThat(browser.newPage().evaluate("() => typeof WebAssembly.Suspending")).isEqualTo("function");
        }
    }
}
