package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser backend end to end: real Chromium, real embedded cluster, specs from specs/. */
class BrowserBackendTest {
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();
    private static BrowserBackend backend;
    private static SpecRunner runner;
    private static SpecCatalog catalog;

    @BeforeAll
    static void start() {
        assumeTrue(ChromiumLocator.system().locate().executable().isPresent(), ChromiumLocator.system().locate().description());
        backend = new BrowserBackend(BrowserOptions.defaults(LAYOUT.wasm()));
        runner = new SpecRunner(Duration.ofSeconds(10));
        catalog = SpecCatalog.load(LAYOUT.specs());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
            runner.close();
        }
    }

    @Test
    void runsSpecsEndToEnd() {
        for (String id : List.of("io/echo_text", "exit/return_seven", "chaining/by_ptr", "chaining/await_output", "state/push_pull")) {
            Verdict verdict = runner.run(spec(id), backend);
            assertThat(verdict.status()).as(id + ": " + verdict.message()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void chainedCallsRunWhereThePlacementSays() {
        Verdict inCluster = runner.run(spec("cross/chain_to_cluster"), backend);
        assertThat(inCluster.status()).as(inCluster.message()).isEqualTo(Status.PASS);
        // Cluster workers are hosts 1.., and the cluster reports no host-call trace.
        assertThat(inCluster.observation().orElseThrow().chained())
                .hasSize(2).allSatisfy(child -> assertThat(child.host()).isPositive());
        Verdict inPlace = runner.run(spec("chaining/by_ptr"), backend);
        assertThat(inPlace.observation().orElseThrow().chained()).singleElement().satisfies(child -> {
            assertThat(child.host()).isZero();
            assertThat(child.trace()).isNotEmpty();
        });
    }

    @Test
    void theStateRoundTripLeavesTheClustersValue() {
        Verdict verdict = runner.run(spec("cross/state_round_trip"), backend);
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.PASS);
        assertThat(verdict.observation().orElseThrow().stateAfter().get("shared_example")).asString().isEqualTo("from the cluster");
    }

    private static Spec spec(String id) {
        return catalog.specs().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
