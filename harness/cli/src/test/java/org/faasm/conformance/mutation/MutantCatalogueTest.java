package org.faasm.conformance.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.expectations.ExpectationsLoader;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The suite checks itself: the mutant catalogue seeded into the hosts, one mutant at a time. */
class MutantCatalogueTest {
    /**
     * Measured on the jvm host: every mutant but the four equivalent ones killed (the README's
     * "Mutants" section has the numbers); a new survivor without a reason in the catalogue fails first.
     */
    private static final double JVM_THRESHOLD_PERCENT = 95;

    private final ProjectLayout layout = ProjectLayout.locate();
    private final Backends registry = new Backends();

    @Test
    void theSuiteKillsTheCatalogueOnTheJvmHost() throws IOException {
        MutationScore score = run("jvm-wavm", MutantCatalogue.load(), SpecCatalog.load(layout.specs()).specs());
        assertThat(score.unexplained()).as("survivors the catalogue gives no reason for (each a gap in the suite)")
                .extracting(r -> r.mutant().id() + ": " + r.detail()).isEmpty();
        assertThat(score.percent()).as(describe(score)).isGreaterThanOrEqualTo(JVM_THRESHOLD_PERCENT);
    }

    /** The four known bugs of the 2020 proof of concept, each killed on both hosts by the spec the catalogue names. */
    @ParameterizedTest
    @ValueSource(strings = {"jvm-wavm", "browser"})
    void namedSpecsKillTheProofOfConceptBugs(String backend) throws IOException {
        if (backend.equals("browser")) {
            Chromium.required();
        }
        List<Mutant> named = MutantCatalogue.load().stream().filter(m -> m.killer().isPresent()).toList();
        List<String> killers = named.stream().map(m -> m.killer().get()).toList();
        List<Spec> specs = SpecCatalog.load(layout.specs()).specs().stream().filter(s -> killers.contains(s.id())).toList();
        assertThat(named).extracting(Mutant::id).contains("await-call-returns-zero", "chain-name-ids-constant",
                "write-state-aliases-guest-memory", "read-input-ignores-buflen");
        assertThat(specs).hasSameSizeAs(named.stream().map(m -> m.killer().get()).distinct().toList());
        // One run for the four, on one backend: each mutant meets its named killer first.
        MutationScore score = run(backend, named, specs);
        assertThat(score.results()).hasSameSizeAs(named).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.mutant().id() + ": " + r.detail()).isEqualTo(MutantResult.Outcome.KILLED);
            assertThat(r.killedBy()).as(r.mutant().id()).contains(r.mutant().killer().get());
        });
    }

    private MutationScore run(String backendName, List<Mutant> mutants, List<Spec> specs) throws IOException {
        MutationRun run = new MutationRun(Duration.ofSeconds(5), Duration.ofSeconds(60),
                new ExpectationsLoader(registry.names()).load(layout.expectations()), layout.wasm());
        BackendConfig config = new BackendConfig(layout.wasm());
        try (Backend backend = registry.create(backendName, config);
                Instances instances = Instances.of(backend, () -> registry.create(backendName, config))) {
            assertThat(MutationRun.mutable(backend)).as(backendName + " takes mutants").isTrue();
            return run.run(instances.all(), mutants, specs, (name, result, done, total) -> { });
        }
    }

    private static String describe(MutationScore score) {
        return score.backend() + ": " + score.killed() + " killed of " + score.results().size() + " (" + score.equivalent()
                + " equivalent); survivors: " + score.survivors().stream().map(r -> r.mutant().id()).collect(Collectors.joining(", "));
    }
}
