package org.faasm.conformance.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.faasm.ClusterRun;
import org.faasm.conformance.faasm.ClusterSide;
import org.faasm.conformance.faasm.FaasmEndpoints;
import org.faasm.conformance.faasm.OffloadRequest;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.jvm.ChainedCallTimeout;
import org.faasm.conformance.jvm.JvmBackend;
import org.faasm.conformance.jvm.WasmDirectory;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.ObservationJson;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.support.BoundedJsonMapper;
import org.faasm.conformance.wavm.LinkTables;

/**
 * A column whose host runs as a command (a process adapter, {@link AdapterDeclaration}): per spec the
 * command is started, given the run request as JSON on its standard input ({@code run-request-v1}),
 * and its standard output is read as the observation ({@code observation-v1}). Chained calls and global
 * state go to a cluster — the configured deployment, or an embedded one — where the run's functions and
 * given state are put first. The command sees only the request, never what the spec expects.
 */
public final class ProcessBackend implements Backend {
    public static final String PROTOCOL = "faasm-conformance/run-request/1";
    private static final SchemaResource RESULT_SCHEMA = new SchemaResource("/schema/observation-v1.schema.json");
    private static final BoundedJsonMapper RESULT_JSON = new BoundedJsonMapper();
    /** Each request the adapter makes of the cluster: as the browser's. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);
    /** The spec's deadline interrupts a run long before; this only bounds a command that ignores it. */
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(10);
    private static final Duration VERSION_DEADLINE = Duration.ofSeconds(30);
    private static final int SHOWN_PROBLEMS = 3;

    private final AdapterDeclaration declaration;
    private final Path wasmDir;
    private String version;
    private ClusterSide cluster;

    ProcessBackend(AdapterDeclaration declaration, Path wasmDir) {
        this.declaration = declaration;
        this.wasmDir = wasmDir.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return declaration.name();
    }

    @Override
    public synchronized String version() {
        if (version == null) {
            version = declaration.summary() + versionNote();
        }
        return version;
    }

    private String versionNote() {
        if (declaration.versionCommand().isEmpty() || !availability().available()) {
            return "";
        }
        try {
            AdapterProcess.Result result = AdapterProcess.run(resolved(declaration.versionCommand()), declaration.folder(),
                    declaration.environment(), new byte[0], VERSION_DEADLINE);
            return " (" + new String(result.stdout(), StandardCharsets.UTF_8).lines().findFirst().orElse("no version printed").strip() + ")";
        } catch (IOException | TimeoutException e) {
            return " (version unknown: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public Availability availability() {
        Optional<Path> program = program(declaration.command().get(0));
        if (program.isPresent()) {
            return Availability.yes();
        }
        return Availability.no("adapter " + declaration.file() + ": its command " + declaration.command().get(0) + " is not there"
                + declaration.install().map(how -> " (install it: " + how + ")").orElse(""));
    }

    @Override
    public FaasmVm vm() {
        return declaration.vm();
    }

    @Override
    public Set<Capability> capabilities() {
        return declaration.capabilities();
    }

    @Override
    public Set<FaasmImport> implementedImports() {
        return declaration.imports();
    }

    @Override
    public Set<String> implementedWasiImports() {
        return declaration.wasiImports();
    }

    /** Puts the spec's user, functions and given state on the cluster before its clock starts. */
    @Override
    public synchronized void prepare(RunRequest run) throws Exception {
        new WasmDirectory(wasmDir).requireModule(run.function());
        cluster().precompile(run);
        cluster().prepare(name(), run);
    }

    @Override
    public synchronized Observation run(RunRequest run) throws Exception {
        ClusterSide side = cluster();
        try {
            ClusterRun onCluster = side.take(name(), run);
            byte[] request = request(run, onCluster, side.endpoints()).toString().getBytes(StandardCharsets.UTF_8);
            AdapterProcess.Result result = AdapterProcess.run(resolved(declaration.command()), declaration.folder(),
                    declaration.environment(), request, RUN_DEADLINE);
            JsonNode answer = answer(result);
            Observation observation = ObservationJson.parse(answer.get("observation"));
            return observation.withStateAfter(side.stateAfter(onCluster, run, ObservationJson.byteMap(answer.path("localState"))))
                    .withConsole(result.stderr().lines().limit(AdapterProcess.MAX_STDERR_LINES).toList());
        } finally {
            side.endRun();
        }
    }

    /** The run request as the adapter reads it (run-request-v1.schema.json). */
    private ObjectNode request(RunRequest run, ClusterRun onCluster, FaasmEndpoints endpoints) {
        ObjectNode request = OffloadRequest.json(run, onCluster, endpoints, FETCH_TIMEOUT, JvmBackend.DEFAULT_MEMORY_CAP_PAGES,
                ChainedCallTimeout.configured().duration());
        request.put("protocol", PROTOCOL);
        request.put("spec", run.specId());
        request.put("input", Base64.getEncoder().encodeToString(run.input()));
        request.put("hosts", run.hosts());
        request.put("wasmDir", wasmDir.toString());
        request.set("faasmTable", LinkTables.faasmTable());
        request.set("wavmImports", LinkTables.wavmImports());
        return request;
    }

    /** The adapter's answer, refused with the reason when it is not an observation. */
    private JsonNode answer(AdapterProcess.Result result) throws AdapterFailure {
        String stderr = result.stderr().isBlank() ? "" : "; its standard error: " + result.stderr().strip();
        if (result.exit() != 0) {
            throw new AdapterFailure("adapter '" + name() + "' exited with code " + result.exit() + stderr);
        }
        if (result.stdoutTruncated()) {
            throw new AdapterFailure("adapter '" + name() + "' wrote more than " + AdapterProcess.MAX_STDOUT
                    + " bytes, or left a process holding its output open" + stderr);
        }
        JsonNode answer;
        try {
            answer = RESULT_JSON.readTree(new String(result.stdout(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new AdapterFailure("adapter '" + name() + "' did not answer JSON: " + e.getOriginalMessage() + stderr);
        }
        List<SchemaResource.Violation> violations = RESULT_SCHEMA.validate(answer);
        if (!violations.isEmpty()) {
            throw new AdapterFailure("adapter '" + name() + "' answered no observation (observation-v1.schema.json): "
                    + String.join("; ", violations.stream().limit(SHOWN_PROBLEMS).map(v -> v.pointer() + ": " + v.message()).toList())
                    + (violations.size() > SHOWN_PROBLEMS ? "; and " + (violations.size() - SHOWN_PROBLEMS) + " more" : ""));
        }
        return answer;
    }

    private List<String> resolved(List<String> command) {
        String first = command.get(0);
        return Stream.concat(Stream.of(program(first).map(Path::toString).orElse(first)), command.stream().skip(1)).toList();
    }

    /** A program with a '/' is relative to the declaration's folder; any other is found on PATH. */
    private Optional<Path> program(String name) {
        if (name.contains("/")) {
            Path path = declaration.folder().resolve(name).normalize();
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    private synchronized ClusterSide cluster() throws IOException {
        if (cluster == null) {
            cluster = ClusterSide.start(FaasmEndpoints.configured(), FETCH_TIMEOUT, wasmDir);
        }
        return cluster;
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** The adapter did not do its part: the spec is an ERROR naming why. */
    static final class AdapterFailure extends Exception {
        AdapterFailure(String message) {
            super(message);
        }
    }
}
