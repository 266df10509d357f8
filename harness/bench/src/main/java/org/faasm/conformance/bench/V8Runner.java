package org.faasm.conformance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** Runs the committed wasm module in Node's V8 via func/bench/run_v8.mjs, all imports stubbed. */
final class V8Runner implements KernelRunner {

    private final ProjectLayout layout;
    private final String node;
    private final WasmModules modules;

    V8Runner(ProjectLayout layout, String node, WasmModules modules) {
        this.layout = layout;
        this.node = node;
        this.modules = modules;
    }

    @Override
    public Engine engine() {
        return Engine.V8;
    }

    @Override
    public Measurement run(Kernel kernel, RunPlan plan) {
        String version = Processes.version(node);
        if (version == null) {
            return Measurement.unavailable("'" + node + "' not found");
        }
        if (!Files.isRegularFile(layout.v8Runner())) {
            return Measurement.unavailable("missing " + layout.v8Runner());
        }
        WasmModules.Module wasm;
        try {
            wasm = modules.resolve(kernel);
        } catch (Unavailable e) {
            return Measurement.unavailable(e.getMessage());
        }
        try {
            Processes.Result run = Processes.run(Processes.concat(
                    List.of(node, layout.v8Runner().toString(), wasm.path().toString()), plan.toolArgs()),
                    layout.root(), NativeRunner.timeout(plan));
            if (!run.succeeded()) {
                return Measurement.error("node failed: " + run.failureSummary());
            }
            return SampleOutput.parse(run.stdout(), plan.n(), "node " + version + "; module " + wasm.origin());
        } catch (IOException e) {
            return Measurement.error("node: " + e.getMessage());
        }
    }
}
