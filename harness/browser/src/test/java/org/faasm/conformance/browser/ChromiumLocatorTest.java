package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumLocatorTest {
    @TempDir
    Path dir;

    @Test
    void systemPropertyComesFirst() throws IOException {
        Path chrome = executable("my-chrome");
        ChromiumLocator.Result result = locator(Map.of(ChromiumLocator.PROPERTY, chrome.toString()),
                Map.of("CHROMIUM_PATH", "/nowhere")).locate();
        assertThat(result.executable()).contains(chrome);
    }

    @Test
    void anExplicitSettingThatIsNotExecutableIsReported() {
        ChromiumLocator.Result result = locator(Map.of(), Map.of("CHROME_PATH", dir.resolve("missing").toString())).locate();
        assertThat(result.executable()).isEmpty();
        assertThat(result.description()).contains("CHROME_PATH").contains("not an executable");
    }

    @Test
    void findsTheNewestBuildInPlaywrightsCache() throws IOException {
        executable("browsers/chromium-1100/chrome-linux/chrome");
        Path newer = executable("browsers/chromium-1200/chrome-linux/chrome");
        ChromiumLocator.Result result = locator(Map.of(), Map.of("PLAYWRIGHT_BROWSERS_PATH", dir.resolve("browsers").toString())).locate();
        assertThat(result.executable()).contains(newer);
    }

    @Test
    void fallsBackToSystemPathsAndSaysWhereItLooked() {
        ChromiumLocator.Result result = locator(Map.of(), Map.of()).locate();
        if (result.executable().isEmpty()) {
            assertThat(result.description()).contains("/usr/bin/chromium");
        } else {
            assertThat(result.executable().get().toString()).doesNotStartWith(dir.toString());
        }
    }

    private ChromiumLocator locator(Map<String, String> properties, Map<String, String> env) {
        return new ChromiumLocator(properties::get, env::get, dir.resolve("home"));
    }

    private Path executable(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
