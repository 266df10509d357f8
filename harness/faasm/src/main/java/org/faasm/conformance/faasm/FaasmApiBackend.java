package org.faasm.conformance.faasm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.cluster.EmbeddedCluster;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.jvm.FaasmHost;
import org.faasm.conformance.jvm.ModuleLoadException;
import org.faasm.conformance.jvm.WasmDirectory;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;

/**
 * {@code faasm-api}: the Faasm client against the embedded cluster, so every spec goes through the
 * same client code path a real cluster gets, in any CI. Like a real cluster it cannot show a trace,
 * stdout apart from the output, or place calls on chosen hosts.
 */
public final class FaasmApiBackend implements Backend {
    private static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(60);

    private final Path wasmDir;
    private EmbeddedCluster cluster;
    private SpecOnCluster runner;

    public FaasmApiBackend(Path wasmDir) {
        this.wasmDir = wasmDir;
    }

    @Override
    public String name() {
        return "faasm-api";
    }

    @Override
    public String version() {
        return "Faasm HTTP API client on the embedded cluster (jvm engine, as wavm)";
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.allOf(Capability.class);
        capabilities.remove(Capability.MULTI_HOST);
        capabilities.remove(Capability.CAPTURED_STDIO);
        capabilities.remove(Capability.BROWSER_ENTRY);
        capabilities.remove(Capability.DIAGNOSTICS);
        // Faasm's API can neither seed nor read back a worker's runtime root; shared files go through its file endpoint.
        capabilities.remove(Capability.FILES);
        // The embedded cluster runs the jvm engine as WAVM, Faasm's default VM.
        capabilities.removeAll(Capability.unsupportedOn(vm()));
        return capabilities;
    }

    /** The embedded cluster runs the jvm engine, so it implements what that implements. */
    @Override
    public Set<FaasmImport> implementedImports() {
        return FaasmHost.IMPLEMENTED;
    }

    /** The embedded cluster's messages run on the jvm engine, with its WASI. */
    @Override
    public Set<String> implementedWasiImports() {
        return FaasmHost.WASI_IMPLEMENTED;
    }

    /** Starts the embedded cluster on the first spec, outside that spec's deadline. */
    @Override
    public synchronized void prepare(RunRequest request) throws IOException, ModuleLoadException {
        WasmDirectory modules = new WasmDirectory(wasmDir);
        modules.requireModule(request.function());
        if (runner == null) {
            cluster = EmbeddedCluster.start(1, MESSAGE_TIMEOUT);
            runner = new SpecOnCluster(new FaasmClient(new FaasmEndpoints(cluster.plannerUri(), cluster.uploadUri()),
                    Duration.ofSeconds(30)), wasmDir);
        }
        cluster.precompile(modules, StateProbe.functionsFor(request.functions()));
        runner.prepare(request);
    }

    @Override
    public synchronized Observation run(RunRequest request) throws IOException, InterruptedException, TimeoutException, ModuleLoadException {
        if (runner == null) {
            prepare(request);
        }
        try {
            return runner.run(request);
        } finally {
            // No guest outlives its spec; strict mode: a request that would crash real Faasm fails this spec, naming it.
            cluster.endSpec();
        }
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
