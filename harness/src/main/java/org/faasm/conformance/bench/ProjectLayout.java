package org.faasm.conformance.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the kernel sources, the built modules and the native/V8 helpers live in the repository. */
public record ProjectLayout(Path root) {

    public Path source(Kernel kernel) {
        return root.resolve("func").resolve(kernel.moduleName() + ".c");
    }

    public Path wasm(Kernel kernel) {
        return root.resolve("wasm").resolve(kernel.moduleName() + ".wasm");
    }

    public Path nativeShim() {
        return root.resolve("func").resolve("bench").resolve("native_main.c");
    }

    public Path v8Runner() {
        return root.resolve("func").resolve("bench").resolve("run_v8.mjs");
    }

    /**
     * The repository root: the nearest directory at or above {@code start} holding {@code func/bench/}.
     * Maven runs tests from {@code harness/} and exec:java from the root, so both must work.
     */
    public static ProjectLayout find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("func").resolve("bench"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new IllegalStateException("no func/bench/ directory at or above " + start.toAbsolutePath()
                + "; pass --root <repository>");
    }
}
