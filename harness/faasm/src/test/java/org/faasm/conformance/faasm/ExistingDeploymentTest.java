package org.faasm.conformance.faasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.cluster.EmbeddedCluster;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.verdict.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real-cluster column pointed at an existing deployment (here the embedded cluster) starts nothing and
 * runs specs; so does a deployment configured as a column under its own name.
 */
class ExistingDeploymentTest {
    /** Each spec's deadline: the first message compiles its module in the cluster, slow on a loaded machine. */
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @AfterEach
    void clear() {
        System.clearProperty("faasm.planner.url");
        System.clearProperty("faasm.upload.url");
        System.clearProperty("faasm.vm");
        System.clearProperty("faasm.required");
        System.clearProperty("faasm.deployments");
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
                SpecRunner runner = new SpecRunner(GENEROUS)) {
            System.setProperty("faasm.planner.url", cluster.plannerUri().toString());
            System.setProperty("faasm.upload.url", cluster.uploadUri().toString());
            System.setProperty("faasm.vm", "wavm");
            Path root = layout.root();
            try (FaasmClusterBackend wavm = new FaasmClusterBackend(FaasmVm.WAVM, root, layout.wasm());
                    FaasmClusterBackend wamr = new FaasmClusterBackend(FaasmVm.WAMR, root, layout.wasm())) {
                assertThat(wavm.availability().available()).isTrue();
                assertThat(wavm.version()).contains("existing deployment at " + cluster.plannerUri());
                assertThat(wamr.availability().reason()).contains("the configured deployment runs wavm");
                assertPasses(runner, wavm, catalog, "io/echo_text", "chaining/by_name", "state/read_given", "exit/return_seven");
            }
        }
    }

    @Test
    void aDeploymentConfiguredUnderItsOwnNameIsAColumnJudgedByItsVmsExpectations() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        SpecCatalog catalog = SpecCatalog.load(layout.specs());
        try (EmbeddedCluster cluster = EmbeddedCluster.start(1, Duration.ofSeconds(10));
                SpecRunner runner = new SpecRunner(GENEROUS)) {
            System.setProperty("faasm.deployments", " ; name=team-cluster,vm=wavm,planner=" + cluster.plannerUri()
                    + ",upload=" + cluster.uploadUri() + " ; ");
            Backends registry = new Backends();
            assertThat(registry.names()).contains("team-cluster", "faasm-wavm", "jvm-wavm");
            try (Backend team = registry.create("team-cluster", new BackendConfig(layout.wasm()))) {
                assertThat(team.name()).isEqualTo("team-cluster");
                assertThat(team.expectationsName()).isEqualTo("faasm-wavm");
                assertThat(team.availability().available()).isTrue();
                assertThat(team.version()).contains(cluster.plannerUri().toString());
                assertPasses(runner, team, catalog, "io/echo_text", "chaining/by_name", "state/read_given");
            }
        }
    }

    @Test
    void aDeploymentMayNotTakeTheNameOfAnotherColumn() {
        System.setProperty("faasm.deployments", "name=jvm-wavm,vm=wavm,planner=http://127.0.0.1:9,upload=http://127.0.0.1:9");
        assertThatThrownBy(Backends::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backend name 'jvm-wavm' is taken");
    }

    @Test
    void aMistakenDeclarationNamesTheMistakeAndTheExpectedForm() {
        String form = "(expected name=NAME,vm=wavm|wamr,planner=URL,upload=URL)";
        assertThatThrownBy(() -> FaasmDeployment.parse("name=a,vm=wavm,planner=http://h:8080"))
                .hasMessageContaining("upload= is missing").hasMessageContaining(form);
        assertThatThrownBy(() -> FaasmDeployment.parse("name=a,vm=v8,planner=http://h:8080,upload=http://h:8002"))
                .hasMessageContaining("vm must be wavm or wamr, not 'v8'");
        assertThatThrownBy(() -> FaasmDeployment.parse("name=A B,vm=wavm,planner=http://h:8080,upload=http://h:8002"))
                .hasMessageContaining("the name 'A B' must be");
        assertThatThrownBy(() -> FaasmDeployment.parse("name=a,vm=wavm,planner=h:8080,upload=http://h:8002"))
                .hasMessageContaining("'h:8080' is not an http(s) URL with a host");
        assertThatThrownBy(() -> FaasmDeployment.parse("name=a,name=b,vm=wavm,planner=http://h:8080,upload=http://h:8002"))
                .hasMessageContaining("name is given twice");
        assertThatThrownBy(() -> FaasmDeployment.parse("name=a,vm=wavm,port=1,planner=http://h:8080,upload=http://h:8002"))
                .hasMessageContaining("'port=1' is not one of");
    }

    private static void assertPasses(SpecRunner runner, Backend backend, SpecCatalog catalog, String... ids) {
        for (String id : ids) {
            var spec = catalog.specs().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            assertThat(runner.run(spec, backend).status()).as(id).isEqualTo(Status.PASS);
        }
    }
}
