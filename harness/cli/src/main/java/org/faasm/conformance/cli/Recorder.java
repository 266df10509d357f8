package org.faasm.conformance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.faasm.RecordedClusterBackend;
import org.faasm.conformance.record.RecordedRequest;
import org.faasm.conformance.record.Recording;
import org.faasm.conformance.record.RecordingStore;
import org.faasm.conformance.report.RunInfo;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.SpecOutcome;
import org.faasm.conformance.support.AtomicFiles;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * {@code run --record DIR}: keeps what one backend did with each spec, for a recorded column to replay
 * ({@link RecordedClusterBackend}): the observation of every verdict that has one, and ERRORs and TIMEOUTs with
 * their messages; a spec it skipped or could not run is listed in {@code recorded.json}, not recorded. A run of part of
 * the suite (a spec recorded again) adds to what earlier runs recorded.
 */
final class Recorder {
    /** Beside the recordings: the backend recorded and, run by run, when, how, and which specs were not recorded and why. */
    static final String SUMMARY = "recorded.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Recorder() {}

    static void record(RunResult result, Backend backend, Path wasmDir, RunInfo info, List<String> command, Path folder, PrintStream console)
            throws IOException {
        RecordingStore store = new RecordingStore(folder);
        List<String> notRecorded = new ArrayList<>();
        int recorded = 0;
        for (SpecOutcome outcome : result.outcomes()) {
            for (Verdict verdict : outcome.verdicts()) {
                if (!verdict.backend().equals(backend.name())) {
                    continue;
                }
                Status status = verdict.expectation().isPresent() ? observedStatus(verdict) : verdict.status();
                if (verdict.observation().isEmpty() && status != Status.ERROR && status != Status.TIMEOUT) {
                    notRecorded.add(outcome.spec().id() + ": " + verdict.status() + " " + verdict.message());
                    continue;
                }
                RecordedRequest request = RecordedRequest.of(RunRequest.of(outcome.spec(), backend.vm()), wasmDir, RecordedClusterBackend.HELPERS);
                store.write(new Recording(outcome.spec().id(), backend.name(), request, status, verdict.observation(), verdict.message()));
                recorded++;
            }
        }
        Path summaryFile = folder.resolve(SUMMARY);
        ObjectNode summary = Files.isRegularFile(summaryFile) ? (ObjectNode) JSON.readTree(summaryFile.toFile()) : JSON.createObjectNode();
        summary.put("backend", backend.name()).put("version", backend.version()).put("vm", backend.vm().id());
        ArrayNode runs = summary.has("runs") ? (ArrayNode) summary.get("runs") : summary.putArray("runs");
        ObjectNode run = runs.addObject().put("recordedAt", Instant.now().toString()).put("harness", info.harnessVersion())
                .put("specRevision", info.specRevision()).put("recorded", recorded);
        command.forEach(run.putArray("command")::add);
        notRecorded.forEach(run.putArray("notRecorded")::add);
        AtomicFiles.writeString(summaryFile, summary.toPrettyString() + "\n");
        console.println("Recorded " + recorded + " specs of " + backend.name() + " in " + folder + "; not recorded: " + notRecorded.size());
        notRecorded.forEach(line -> console.println("  not recorded: " + line));
    }

    /** An XFAIL or XPASS carries the status the backend itself produced under its expectation. */
    private static Status observedStatus(Verdict verdict) {
        return verdict.expectation().map(e -> verdict.status() == Status.XPASS ? Status.PASS : e.status()).orElse(verdict.status());
    }
}
