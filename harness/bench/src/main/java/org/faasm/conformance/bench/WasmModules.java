package org.faasm.conformance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code wasm/bench_<k>.wasm}. When the committed module is missing (e.g. before
 * {@code func/build.sh} has run) it builds one into the scratch directory with the same flags the
 * build script uses, so the bench still works and says where the module came from.
 */
final class WasmModules {

    /** Mirrors CFLAGS/LDFLAGS in func/build.sh (Faasm's own link flags); keep the two in step. */
    static final List<String> WASM_FLAGS = List.of("--target=wasm32-wasi", "-O2", "-I", "func/include",
            "-Wl,--export=malloc", "-Wl,--export=free",
            "-Wl,-z,stack-size=4194304", "-Wl,--stack-first", "-Wl,--max-memory=4294901760",
            "-Wl,--strip-debug");

    record Module(Path path, String origin) {
    }

    private final ProjectLayout layout;
    private final String cc;
    private final Path scratch;
    private final Map<String, Module> cache = new HashMap<>();

    WasmModules(ProjectLayout layout, String cc, Path scratch) {
        this.layout = layout;
        this.cc = cc;
        this.scratch = scratch;
    }

    synchronized Module resolve(Kernel kernel) throws Unavailable {
        Module known = cache.get(kernel.name());
        if (known == null) {
            known = locateOrBuild(kernel);
            cache.put(kernel.name(), known);
        }
        return known;
    }

    private Module locateOrBuild(Kernel kernel) throws Unavailable {
        Path committed = layout.wasm(kernel);
        if (Files.isRegularFile(committed)) {
            return new Module(committed, layout.root().relativize(committed).toString());
        }
        Path source = layout.source(kernel);
        if (!Files.isRegularFile(source)) {
            throw new Unavailable("neither " + committed + " nor its source " + source + " exists");
        }
        Path out = scratch.resolve(kernel.moduleName() + ".wasm");
        List<String> command = new java.util.ArrayList<>();
        command.add(cc);
        command.addAll(WASM_FLAGS);
        command.addAll(List.of("-o", out.toString(), layout.root().relativize(source).toString()));
        try {
            Processes.Result r = Processes.run(command, layout.root(), Duration.ofMinutes(2));
            if (!r.succeeded()) {
                throw new Unavailable("building " + source.getFileName() + " for wasm failed: " + r.failureSummary());
            }
        } catch (IOException e) {
            throw new Unavailable(layout.root().relativize(committed) + " is missing and " + cc
                    + " cannot build it: " + e.getMessage());
        }
        return new Module(out, "built at bench time from func/" + source.getFileName()
                + " (wasm/ has no " + committed.getFileName() + ")");
    }
}
