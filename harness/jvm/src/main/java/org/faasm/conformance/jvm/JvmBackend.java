package org.faasm.conformance.jvm;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.Spec;

/**
 * The {@code jvm} backend: Faasm's host interface in Java on Chicory, with an in-process cluster per
 * spec. Modules are compiled once per backend instance and reused by every spec and chained call.
 */
public final class JvmBackend implements Backend {
    /** 256 MiB: far above what the corpus needs, low enough that runaway growth fails fast. */
    public static final int DEFAULT_MEMORY_CAP_PAGES = 4096;

    private final String name;
    private final FaasmVm vm;
    private final Engine engine;
    private final ModuleCache modules;
    private final MessageExecutor executor;
    private final ChainedCallTimeout awaitTimeout;
    private final RunLimits limits;
    private final MessagePool pool;

    /**
     * A backend that runs every message as {@code vm} would where Faasm's two VMs differ, awaiting a
     * chained call that never comes for {@code awaitTimeout}, its chained calls within {@code limits}.
     */
    public JvmBackend(String name, FaasmVm vm, ChainedCallTimeout awaitTimeout, RunLimits limits, Path wasmDir, Engine engine,
            int memoryCapPages) {
        this.name = name;
        this.vm = vm;
        this.awaitTimeout = awaitTimeout;
        this.limits = limits;
        this.pool = new MessagePool(JvmCluster.THREAD_PREFIX, limits.concurrentMessages());
        this.engine = engine;
        this.modules = new ModuleCache(new WasmDirectory(wasmDir), engine);
        this.executor = new MessageExecutor(modules, memoryCapPages, vm);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "Chicory " + chicoryVersion() + " (" + engine.name().toLowerCase(java.util.Locale.ROOT) + "), as " + vm.id();
    }

    /** From the Maven metadata inside Chicory's jar, so the report names the version really on the class path. */
    static String chicoryVersion() {
        try (java.io.InputStream in = com.dylibso.chicory.runtime.Instance.class.getResourceAsStream(
                "/META-INF/maven/com.dylibso.chicory/runtime/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public FaasmVm vm() {
        return vm;
    }

    /** The real cluster's file: what this model does is what that column is predicted to do. */
    @Override
    public String expectationsName() {
        return "faasm-" + vm.id();
    }

    /** Everything but an entry in a browser (only the browser backend runs one) and what its VM cannot do. */
    @Override
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.complementOf(EnumSet.of(Capability.BROWSER_ENTRY));
        capabilities.removeAll(Capability.unsupportedOn(vm));
        return capabilities;
    }

    /** The calls it implements that its VM links. */
    @Override
    public Set<FaasmImport> implementedImports() {
        Set<FaasmImport> imports = EnumSet.noneOf(FaasmImport.class);
        imports.addAll(FaasmHost.IMPLEMENTED);
        imports.retainAll(vm.imports());
        return imports;
    }

    @Override
    public Set<String> implementedWasiImports() {
        return FaasmHost.WASI_IMPLEMENTED;
    }

    /** Compiles the entry module (a missing or invalid one is the spec's setup failing) and those it chains by name. */
    @Override
    public void prepare(RunRequest request) throws ModuleLoadException {
        modules.get(Spec.USER, request.function());
        for (String function : request.functions()) {
            modules.find(Spec.USER, function);
        }
    }

    @Override
    public Observation run(RunRequest request) throws InterruptedException {
        try (JvmCluster cluster = new JvmCluster(executor, pool, limits, request.hosts(), awaitTimeout)) {
            request.givenState().forEach(cluster::seedState);
            cluster.seedFiles(request.givenFiles());
            Observation entry = cluster.runEntry(Spec.USER, request.function(), request.input(), request.cmdline());
            return entry.withStateAfter(cluster.globalState(request.stateKeys()));
        } catch (GuestInterrupted e) {
            throw new InterruptedException("spec " + request.specId() + " was interrupted");
        }
    }

    /** For the mutant catalogue: every message bound from now on has its imports decorated ({@code null}: none). */
    public void hook(HostCallHook hook) {
        executor.hook(hook);
    }

    @Override
    public void close() {
        pool.close();
    }
}
