package org.faasm.conformance.faasm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.NoObservation;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.record.RecordedRequest;
import org.faasm.conformance.record.Recording;
import org.faasm.conformance.record.RecordingStore;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.verdict.Status;

/**
 * A real Faasm column replayed: what a running Faasm answered to each spec's request, recorded by
 * {@code run --backend faasm-<vm> --record specs/recorded/faasm-<vm>} on a machine where one ran, judged here like
 * any other column and by the same expectations file. A spec never recorded is a SKIP naming it; a recording
 * made for another request or other modules is STALE, never replayed.
 */
public final class RecordedClusterBackend implements Backend {
    /** Modules a real-cluster column uploads itself besides the spec's: the state probe decides the state read back. */
    public static final List<String> HELPERS = List.of(StateProbe.FUNCTION);

    private final FaasmVm vm;
    private final RecordingStore store;
    private final Path wasmDir;

    public RecordedClusterBackend(FaasmVm vm, Path specsDir, Path wasmDir) {
        this.vm = vm;
        this.store = new RecordingStore(folder(specsDir, vm));
        this.wasmDir = wasmDir;
    }

    /** Where a VM's recordings live: {@code specs/recorded/faasm-<vm>/}. */
    public static Path folder(Path specsDir, FaasmVm vm) {
        return specsDir.resolve("recorded").resolve("faasm-" + vm.id());
    }

    @Override
    public String name() {
        return "faasm-" + vm.id() + "-recorded";
    }

    @Override
    public String expectationsName() {
        return "faasm-" + vm.id();
    }

    @Override
    public String version() {
        return "recordings of a real Faasm " + vm.id() + " cluster in " + store.folder().getFileName() + " (" + provenance() + ")";
    }

    /** The first line of the folder's PROVENANCE.md: which Faasm, built how, recorded when. */
    private String provenance() {
        try {
            Path file = store.folder().resolve("PROVENANCE.md");
            return Files.isRegularFile(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).findFirst().orElse("").replaceFirst("^#+ *", "")
                    : "no PROVENANCE.md";
        } catch (IOException e) {
            return "PROVENANCE.md unreadable: " + e.getMessage();
        }
    }

    @Override
    public Availability availability() {
        return store.exists() ? Availability.yes() : Availability.no("no recordings in " + store.folder());
    }

    @Override
    public Set<Capability> capabilities() {
        return FaasmClusterBackend.capabilitiesOn(vm);
    }

    @Override
    public FaasmVm vm() {
        return vm;
    }

    @Override
    public Set<FaasmImport> implementedImports() {
        return vm.imports();
    }

    @Override
    public Observation run(RunRequest request) throws IOException, NoObservation, TimeoutException, RecordedError {
        Optional<Recording> found = store.find(request.specId());
        if (found.isEmpty()) {
            throw new NoObservation(Status.SKIP, "not recorded on a real Faasm " + vm.id() + " cluster (" + store.folder().getFileName() + ")");
        }
        Recording recording = found.get();
        String changed = recording.request().differenceFrom(RecordedRequest.of(request, wasmDir, HELPERS));
        if (!changed.isEmpty()) {
            throw new NoObservation(Status.STALE, "recorded for another request: " + changed + "; record it again on a real cluster");
        }
        if (recording.observation().isPresent()) {
            return recording.observation().get();
        }
        if (recording.statusThen() == Status.TIMEOUT) {
            throw new TimeoutException("recorded: " + recording.message());
        }
        throw new RecordedError(recording.message());
    }

    /** The real cluster's ERROR, replayed with the message it had. */
    public static final class RecordedError extends Exception {
        RecordedError(String message) {
            super("recorded: " + message);
        }
    }

    @Override
    public void close() {}
}
