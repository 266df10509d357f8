package org.faasm.conformance.faasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.faasm.conformance.cluster.EmbeddedCluster;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.verdict.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real-cluster column pointed at an existing deployment (here the embedded cluster) starts nothing and runs specs. */
class ExistingDeploymentTest {
    @AfterEach
    void clear() {
        System.clearProperty("faasm.planner.url");
        System.clearProperty("faasm.upload.url");
        System.clearProperty("faasm.vm");
        System.clearProperty("faasm.required");
    }

    @Test
    void aRequiredClusterThatCannotRunFailsEverySpecInsteadOfBeingUnavailable() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        var spec = SpecCatalog.load(layout.specs()).specs().stream().filter(s -> s.id().equals("io/echo_text")).findFirst().orElseThrow();
        System.setProperty("faasm.planner.url", "http://127.0.0.1:9");
        System.setProperty("faasm.upload.url", "http://127.0.0.1:9");
        System.setProperty("faasm.vm", "wavm");
        System.setProperty("faasm.required", "true");
        try (FaasmClusterBackend wamr = new FaasmClusterBackend(FaasmVm.WAMR, layout.root(), layout.wasm());
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(5))) {
            assertThat(wamr.availability().available()).isTrue();
            var verdict = runner.run(spec, wamr);
            assertThat(verdict.status()).isEqualTo(Status.ERROR);
            assertThat(verdict.message()).contains("faasm.required=true").contains("the configured deployment runs wavm");
        }
    }

    @Test
    void runsSpecsOnTheConfiguredDeploymentForItsVmOnly() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        SpecCatalog catalog = SpecCatalog.load(layout.specs());
        try (EmbeddedCluster cluster = EmbeddedCluster.start(1, Duration.ofSeconds(10));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(10))) {
            System.setProperty("faasm.planner.url", cluster.plannerUri().toString());
            System.setProperty("faasm.upload.url", cluster.uploadUri().toString());
            System.setProperty("faasm.vm", "wavm");
            Path root = layout.root();
            try (FaasmClusterBackend wavm = new FaasmClusterBackend(FaasmVm.WAVM, root, layout.wasm());
                    FaasmClusterBackend wamr = new FaasmClusterBackend(FaasmVm.WAMR, root, layout.wasm())) {
                assertThat(wavm.availability().available()).isTrue();
                assertThat(wavm.version()).contains("existing deployment at " + cluster.plannerUri());
                assertThat(wamr.availability().reason()).contains("the configured deployment runs wavm");
                for (String id : new String[] {"io/echo_text", "chaining/by_name", "state/read_given", "exit/return_seven"}) {
                    var spec = catalog.specs().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
                    assertThat(runner.run(spec, wavm).status()).as(id).isEqualTo(Status.PASS);
                }
            }
        }
    }
}
