package org.faasm.conformance.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.faasm.conformance.agreement.Comparison;
import org.faasm.conformance.agreement.ObservationDiff;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * Holds a model column to what a real host did: runs every spec that has a fresh recording on the model and
 * compares the two as the agreement across backends does ({@link ObservationDiff}: the kind of result, return
 * value, output, chained calls, state after), or, where the host erred or timed out, by status.
 */
public final class ModelCheck {
    /** One field where the model saw other than the real host. */
    public record Difference(String spec, String field, String recorded, String model) {
        @Override
        public String toString() {
            return spec + ": " + field + ": recorded " + recorded + ", model " + model;
        }
    }

    /**
     * @param compared specs whose recording the model was held to
     * @param notCompared specs with a recording the model did not run (it skips them, or the recording is stale), with why
     * @param unexplained differences no entry of {@link KnownDifferences} lists
     * @param explained specs that differ as their entry says, with the entry's reason
     * @param gone entries whose spec no longer differs (or was not compared)
     */
    public record Result(String model, List<String> compared, List<String> notCompared, List<Difference> unexplained,
            List<String> explained, List<String> gone) {
        public boolean holds() {
            return unexplained.isEmpty() && gone.isEmpty();
        }
    }

    private ModelCheck() {}

    /** {@code model} on the specs of {@code specs} that {@code applies} to, against the recordings made on {@code recordedVm}. */
    public static Result check(List<Spec> specs, Predicate<Spec> applies, RecordingStore store, FaasmVm recordedVm, Path wasmDir,
            List<String> helpers, Backend model, Duration timeout) throws IOException {
        KnownDifferences known = KnownDifferences.of(store);
        List<String> compared = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        List<Difference> unexplained = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        TreeSet<String> differing = new TreeSet<>();
        try (SpecRunner runner = new SpecRunner(timeout)) {
            for (Spec spec : specs) {
                Optional<Recording> found = store.find(spec.id());
                if (found.isEmpty() || !applies.test(spec)) {
                    continue;
                }
                Recording recording = found.get();
                String changed = recording.request().differenceFrom(RecordedRequest.of(RunRequest.of(spec, recordedVm), wasmDir, helpers));
                if (!changed.isEmpty()) {
                    notCompared.add(spec.id() + ": STALE (" + changed + ")");
                    continue;
                }
                Verdict verdict = runner.run(spec, new ObservingEverything(model));
                if (verdict.status() == Status.SKIP) {
                    notCompared.add(spec.id() + ": " + verdict.message());
                    continue;
                }
                compared.add(spec.id());
                List<Difference> differences = differences(spec.id(), recording, verdict, model.name());
                if (differences.isEmpty()) {
                    continue;
                }
                differing.add(KnownDifferences.key(spec.id(), model.name()));
                Optional<String> reason = known.reason(spec.id(), model.name());
                if (reason.isPresent()) {
                    explained.add(spec.id() + ": " + reason.get());
                } else {
                    unexplained.addAll(differences);
                }
            }
        }
        List<String> gone = known.alwaysDiffering().stream().filter(key -> key.endsWith("[" + model.name() + "]") && !differing.contains(key)).toList();
        return new Result(model.name(), compared, notCompared, unexplained, explained, gone);
    }

    private static List<Difference> differences(String spec, Recording recording, Verdict verdict, String modelName) {
        if (recording.observation().isPresent() && verdict.observation().isPresent()) {
            Comparison comparison = ObservationDiff.compare("recorded", recording.observation().get(), modelName, verdict.observation().get());
            List<Difference> differences = new ArrayList<>();
            comparison.differences().forEach(d -> differences.add(new Difference(spec, d.field(), d.left(), d.right())));
            comparison.firstDivergentCall().ifPresent(c -> differences.add(new Difference(spec, "trace", "", c.toString())));
            return differences;
        }
        String recorded = recording.observation().isPresent() ? "an observation" : recording.statusThen() + " (" + recording.message() + ")";
        String seen = verdict.observation().isPresent() ? "an observation" : verdict.status() + " (" + verdict.message() + ")";
        return recorded.equals(seen) || (recording.observation().isEmpty() && recording.statusThen() == verdict.status())
                ? List.of() : List.of(new Difference(spec, "status", recorded, seen));
    }
}
