package org.faasm.conformance.browser;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds a Chromium to drive, in this order: the system property {@code conformance.chromium}, the
 * environment variables {@code CHROMIUM_PATH} and {@code CHROME_PATH}, Playwright's own browser cache
 * ({@code PLAYWRIGHT_BROWSERS_PATH}, else {@code ~/.cache/ms-playwright}), then common install paths.
 * An explicit setting that does not point to an executable is reported, never silently skipped.
 */
public final class ChromiumLocator {
    static final String PROPERTY = "conformance.chromium";
    private static final List<String> SYSTEM_PATHS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");

    /** Where Chromium was found, or why not. */
    public record Result(Optional<Path> executable, String description) {}

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final Path home;

    ChromiumLocator(UnaryOperator<String> properties, UnaryOperator<String> environment, Path home) {
        this.properties = properties;
        this.environment = environment;
        this.home = home;
    }

    /** A locator reading this JVM's system properties and environment. */
    public static ChromiumLocator system() {
        return new ChromiumLocator(System::getProperty, System::getenv, Path.of(System.getProperty("user.home", "/")));
    }

    public Result locate() {
        for (String[] setting : new String[][] {
                {"-D" + PROPERTY, properties.apply(PROPERTY)},
                {"CHROMIUM_PATH", environment.apply("CHROMIUM_PATH")},
                {"CHROME_PATH", environment.apply("CHROME_PATH")}}) {
            if (setting[1] != null && !setting[1].isBlank()) {
                Path path = Path.of(setting[1]);
                return Files.isExecutable(path) && !Files.isDirectory(path)
                        ? found(path, setting[0])
                        : new Result(Optional.empty(), setting[0] + "=" + setting[1] + " is not an executable file");
            }
        }
        List<Path> candidates = new ArrayList<>(playwrightCache());
        SYSTEM_PATHS.forEach(p -> candidates.add(Path.of(p)));
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return found(candidate, "found");
            }
        }
        return new Result(Optional.empty(), "no Chromium found: set -D" + PROPERTY + " or CHROMIUM_PATH, "
                + "or install one (e.g. apt-get install chromium); looked in " + candidates);
    }

    private static Result found(Path path, String how) {
        return new Result(Optional.of(path), path + " (" + how + ")");
    }

    /** Chromium builds in Playwright's cache, newest revision first. */
    private List<Path> playwrightCache() {
        String configured = environment.apply("PLAYWRIGHT_BROWSERS_PATH");
        Path cache = configured != null && !configured.isBlank() && !configured.equals("0")
                ? Path.of(configured) : home.resolve(".cache/ms-playwright");
        List<Path> builds = new ArrayList<>();
        if (!Files.isDirectory(cache)) {
            return builds;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cache, "chromium*")) {
            dirs.forEach(builds::add);
        } catch (IOException e) {
            return builds;
        }
        builds.sort((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()));
        List<Path> executables = new ArrayList<>();
        for (Path build : builds) {
            for (String inside : List.of("chrome-linux64/chrome", "chrome-linux/chrome",
                    "chrome-linux/headless_shell", "chrome-headless-shell-linux64/chrome-headless-shell")) {
                executables.add(build.resolve(inside));
            }
        }
        return executables;
    }
}
