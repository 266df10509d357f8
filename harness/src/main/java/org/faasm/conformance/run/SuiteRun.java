package org.faasm.conformance.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/** Runs the selected specs on the selected backends, one verdict at a time, reporting each as it lands. */
public final class SuiteRun {
    private final Backends registry;
    private final BackendConfig config;
    private final Duration timeout;

    public SuiteRun(Backends registry, BackendConfig config, Duration timeout) {
        this.registry = registry;
        this.config = config;
        this.timeout = timeout;
    }

    public RunResult execute(SpecCatalog catalog, Selection selection, Consumer<Verdict> progress) {
        Instant started = Instant.now();
        List<Spec> specs = selection.specSelector().select(catalog.specs());
        List<BackendInfo> infos = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        try (SpecRunner runner = new SpecRunner(timeout)) {
            for (String name : selection.backendsOr(registry.names())) {
                try (Backend backend = registry.create(name, config)) {
                    Availability availability = backend.availability();
                    infos.add(new BackendInfo(name, backend.version(), availability.available(), availability.reason()));
                    for (Spec spec : specs) {
                        Verdict verdict = availability.available()
                                ? runner.run(spec, backend)
                                : Verdict.of(spec.id(), name, Status.UNAVAILABLE, availability.reason(), 0);
                        verdicts.add(verdict);
                        progress.accept(verdict);
                    }
                }
            }
        }
        return new RunResult(started, Instant.now(), infos, verdicts, catalog.errors());
    }
}
