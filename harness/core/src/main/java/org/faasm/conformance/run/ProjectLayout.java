package org.faasm.conformance.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's folders are. The root is {@code -Dconformance.root} if set, else the nearest
 * folder at or above the working directory holding both {@code specs/} and {@code wasm/}, so the
 * harness works from the top level and from {@code harness/} (where Maven runs tests).
 */
public record ProjectLayout(Path root) {

    public static ProjectLayout locate() {
        String configured = System.getProperty("conformance.root");
        if (configured != null && !configured.isBlank()) {
            return new ProjectLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("specs")) && Files.isDirectory(dir.resolve("wasm"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the project (a folder with specs/ and wasm/) at or above " + start
                + "; set -Dconformance.root");
    }

    public Path specs() {
        return root.resolve("specs");
    }

    /** {@code specs/expectations/<backend>.yaml}: each backend's known failures. */
    public Path expectations() {
        return specs().resolve("expectations");
    }

    public Path wasm() {
        return root.resolve("wasm");
    }

    public Path reports() {
        return root.resolve("reports");
    }
}
