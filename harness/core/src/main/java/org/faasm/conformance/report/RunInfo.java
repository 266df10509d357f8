package org.faasm.conformance.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a report says about where it came from: the harness version (from the build) and the spec
 * revision (the git commit of the project, or {@code unknown} outside a git checkout).
 */
public record RunInfo(String harnessVersion, String specRevision) {
    private static final String VERSION_RESOURCE = "/faasm-conformance-version.properties";

    public static RunInfo of(Path projectRoot) {
        return new RunInfo(buildVersion(), gitRevision(projectRoot));
    }

    public static String buildVersion() {
        try (InputStream in = RunInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            return version.isEmpty() || version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }

    static String gitRevision(Path projectRoot) {
        try {
            Process git = new ProcessBuilder("git", "-C", projectRoot.toString(), "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return "unknown";
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
