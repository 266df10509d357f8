package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.faasm.conformance.cluster.EmbeddedCluster;
import org.faasm.conformance.faasm.FaasmEndpoints;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The browser offloading to a deployment it did not start (as with a real Faasm cluster): chained
 * calls and state go through the page server's same-origin proxy, and the backend starts no cluster.
 */
class BrowserOnExistingClusterTest {
    @Test
    void crossEnvironmentSpecsPassThroughTheProxy() throws Exception {
        assumeTrue(ChromiumLocator.system().locate().executable().isPresent(), ChromiumLocator.system().locate().description());
        ProjectLayout layout = ProjectLayout.locate();
        SpecCatalog catalog = SpecCatalog.load(layout.specs());
        try (EmbeddedCluster deployment = EmbeddedCluster.start(1, Duration.ofSeconds(10));
                BrowserBackend backend = new BrowserBackend(BrowserOptions.defaults(layout.wasm())
                        .withCluster(new FaasmEndpoints(deployment.plannerUri(), deployment.uploadUri())));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(15))) {
            for (String id : new String[] {"cross/chain_to_cluster", "cross/state_round_trip", "cross/cluster_child_fails"}) {
                Spec spec = catalog.specs().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
                Verdict verdict = runner.run(spec, backend);
                assertThat(verdict.status()).as(id + ": " + verdict.message()).isEqualTo(Status.PASS);
            }
        }
    }
}
