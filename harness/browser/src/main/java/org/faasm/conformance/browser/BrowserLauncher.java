package org.faasm.conformance.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts Playwright without letting it download browsers (there is no network for that here), and a
 * headless Chromium from a given executable with the flags a quiet, container-friendly run needs.
 */
public final class BrowserLauncher {
    /** Quiet and offline: no GPU, no background traffic, no first-run UI, no QUIC to loopback. */
    static final List<String> FLAGS = List.of("--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

    private BrowserLauncher() {}

    public static Playwright playwright() {
        return playwright(Map.of());
    }

    /** With extra variables in the environment of Playwright's driver (and so of the browsers it starts). */
    public static Playwright playwright(Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    public static Browser launch(Playwright playwright, Path executable) {
        return launch(playwright, executable, List.of());
    }

    /** With extra command-line switches, e.g. a marker that finds this browser's process again. */
    public static Browser launch(Playwright playwright, Path executable, List<String> extraArgs) {
        List<String> args = new ArrayList<>(flags(isRoot()));
        args.addAll(extraArgs);
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(args));
    }

    /** Chromium refuses to start its sandbox as root. */
    static List<String> flags(boolean root) {
        List<String> flags = new ArrayList<>();
        if (root) {
            flags.add("--no-sandbox");
        }
        flags.addAll(FLAGS);
        return flags;
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
