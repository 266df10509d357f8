package org.faasm.conformance.bench;

import java.nio.file.Path;

/** Where the kernel sources, the built modules and the native, V8 and GraalWasm helpers live in the repository (bench-specific paths). */
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

    public Path graalWasmRunner() {
        return root.resolve("func").resolve("bench").resolve("RunGraalWasm.java");
    }

    /** The GraalVM jars the GraalWasm runner needs, resolved by Maven outside the (Java 17) build. */
    public Path graalWasmPom() {
        return root.resolve("func").resolve("bench").resolve("graalwasm").resolve("pom.xml");
    }

    /** The same root as the suite's layout, for the specs and modules the suite and cold-start sections run. */
    public org.faasm.conformance.run.ProjectLayout project() {
        return new org.faasm.conformance.run.ProjectLayout(root);
    }

    /** The repository root as the rest of the harness finds it (-Dconformance.root, else upwards from here). */
    public static ProjectLayout locate() {
        return new ProjectLayout(org.faasm.conformance.run.ProjectLayout.locate().root());
    }
}
