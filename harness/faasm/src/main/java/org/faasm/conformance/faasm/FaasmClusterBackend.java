package org.faasm.conformance.faasm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.jvm.ModuleLoadException;
import org.faasm.conformance.jvm.WasmDirectory;
import org.testcontainers.DockerClientFactory;

/**
 * A real Faasm cluster running one WebAssembly VM ({@code faasm-wamr} or {@code faasm-wavm}): an
 * existing deployment when its URLs are configured (then nothing is started, and {@code -Dfaasm.vm}
 * says which VM it runs), else one started from {@code docker/} with Testcontainers; or a deployment
 * configured under a name of its own ({@link FaasmDeployments}). Without either it
 * is UNAVAILABLE with the reason — or, when {@code -Dfaasm.required=true} (env FAASM_REQUIRED), every
 * spec is an ERROR, so a CI that demands a cluster cannot go green without one.
 */
public final class FaasmClusterBackend implements Backend {
    private final String name;
    private final FaasmVm vm;
    private final Path projectRoot;
    private final Path wasmDir;
    private final Optional<FaasmEndpoints> existing;
    /** The VM the existing deployment says it runs. */
    private final String deployedVm;
    private final boolean required;
    private Availability availability;
    /** Why a required cluster cannot run; every spec then fails with it. */
    private String requiredButMissing;
    private ComposeCluster compose;
    private SpecOnCluster runner;

    public FaasmClusterBackend(FaasmVm vm, Path projectRoot, Path wasmDir) {
        this("faasm-" + vm.id(), vm, FaasmEndpoints.configured(),
                System.getProperty("faasm.vm", System.getenv().getOrDefault("FAASM_WASM_VM", "wamr")), projectRoot, wasmDir);
    }

    /** The column of a deployment configured under its own name. */
    public static FaasmClusterBackend deployment(FaasmDeployment deployment, Path projectRoot, Path wasmDir) {
        return new FaasmClusterBackend(deployment.name(), deployment.vm(), Optional.of(deployment.endpoints()),
                deployment.vm().id(), projectRoot, wasmDir);
    }

    private FaasmClusterBackend(String name, FaasmVm vm, Optional<FaasmEndpoints> existing, String deployedVm,
            Path projectRoot, Path wasmDir) {
        this.name = name;
        this.vm = vm;
        this.projectRoot = projectRoot;
        this.wasmDir = wasmDir;
        this.existing = existing;
        this.deployedVm = deployedVm;
        this.required = Boolean.parseBoolean(System.getProperty("faasm.required", System.getenv().getOrDefault("FAASM_REQUIRED", "false")));
    }

    @Override
    public String name() {
        return name;
    }

    /** A named deployment is judged by what Faasm on its VM is known to fail. */
    @Override
    public String expectationsName() {
        return "faasm-" + vm.id();
    }

    @Override
    public String version() {
        return existing.map(e -> "existing deployment at " + e.planner() + " (" + vm.id() + ")")
                .orElse("Faasm 0.29.0, planner 0.20.0 from docker/ (" + vm.id() + ")");
    }

    @Override
    public synchronized Availability availability() {
        if (availability == null) {
            Availability found = probe();
            availability = found.available() || !required ? found : Availability.yes();
            if (!found.available() && required) {
                requiredButMissing = found.reason();
            }
        }
        return availability;
    }

    private Availability probe() {
        if (existing.isPresent()) {
            if (!deployedVm.equals(vm.id())) {
                return Availability.no("the configured deployment runs " + deployedVm + " (set -Dfaasm.vm)");
            }
            return Availability.yes();
        }
        if (!ComposeCluster.exists(ComposeCluster.composeFile(projectRoot))) {
            return Availability.no("no docker/docker-compose.yml under " + projectRoot);
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Availability.no("no Docker engine to start a Faasm cluster (and no faasm.planner.url/faasm.upload.url"
                        + " for an existing one)");
            }
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("Docker could not be checked: " + e.getMessage());
        }
        return Availability.yes();
    }

    /**
     * What the VM lacks (reference §1.7, §2.6): WAMR has no offset-state, lock, dirty-flag or
     * clear_appended calls; WAVM's await_call_output copies into a caller buffer, not libfaasm's ABI.
     * Neither places calls on chosen hosts, reports stdout apart from the output, or shows the harness's diagnostics.
     */
    @Override
    public FaasmVm vm() {
        return vm;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilitiesOn(vm);
    }

    /** What a one-worker Faasm cluster on {@code vm} offers a spec through its HTTP API. */
    static Set<Capability> capabilitiesOn(FaasmVm vm) {
        Set<Capability> capabilities = EnumSet.allOf(Capability.class);
        capabilities.removeAll(EnumSet.of(Capability.MULTI_HOST, Capability.CAPTURED_STDIO, Capability.BROWSER_ENTRY,
                Capability.DIAGNOSTICS, Capability.BOUNDED_CHAINING,
                // Faasm's API can neither seed nor read back a worker's runtime root; shared files go through its file endpoint.
                Capability.FILES));
        capabilities.removeAll(Capability.unsupportedOn(vm));
        return capabilities;
    }

    /** The imports its VM links (reference §1.7). */
    @Override
    public Set<FaasmImport> implementedImports() {
        return vm().imports();
    }

    /** Starts the cluster (or connects to the configured one) on the first spec, outside that spec's deadline. */
    @Override
    public synchronized void prepare(RunRequest request) throws IOException, ModuleLoadException {
        if (requiredButMissing != null) {
            throw new IllegalStateException("faasm.required=true, but " + name() + " cannot run: " + requiredButMissing);
        }
        new WasmDirectory(wasmDir).requireModule(request.function());
        if (runner == null) {
            FaasmEndpoints endpoints = existing.orElseGet(this::startCompose);
            runner = new SpecOnCluster(new FaasmClient(endpoints, Duration.ofSeconds(60)), wasmDir);
        }
        runner.prepare(request);
    }

    @Override
    public synchronized Observation run(RunRequest request) throws IOException, InterruptedException, TimeoutException, ModuleLoadException {
        if (runner == null) {
            prepare(request);
        }
        return runner.run(request);
    }

    private FaasmEndpoints startCompose() {
        compose = new ComposeCluster(ComposeCluster.composeFile(projectRoot), vm.id(),
                projectRoot.resolve("reports").resolve(name() + "-logs"));
        return compose.start();
    }

    @Override
    public synchronized void close() {
        if (compose != null) {
            compose.keepLogs();
            compose.close();
        }
    }
}
