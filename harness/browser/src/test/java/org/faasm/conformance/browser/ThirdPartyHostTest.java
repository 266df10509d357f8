package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.verdict.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone else's JavaScript host, an ES module exporting runEntry, validated in Chromium as ours is:
 * one that delegates to ours passes, and one that loses its chained calls is caught.
 */
class ThirdPartyHostTest {
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();

    @Test
    void aThirdPartyHostIsJudgedAsOursIs(@TempDir Path dir) throws Exception {
        ChromiumLocator.Result chromium = ChromiumLocator.system().locate();
        assumeTrue(chromium.executable().isPresent(), chromium.description());
        // Beside the module, a helper it imports relatively: the folder is served with it.
        Files.writeString(dir.resolve("delegate.mjs"), "export { runEntry } from '/host-run.mjs';\n");
        Files.writeString(dir.resolve("faithful.mjs"), "export { runEntry } from './delegate.mjs';\n");
        Files.writeString(dir.resolve("forgetful.mjs"), """
                import { runEntry as ours } from './delegate.mjs';
                // Loses every chained call from what it reports.
                export async function runEntry(request, env) {
                  const result = await ours(request, env);
                  return { ...result, observation: { ...result.observation, chained: [] } };
                }
                """);
        try (SpecRunner runner = new SpecRunner(Duration.ofSeconds(30));
                Backend faithful = BrowserBackendProvider.forHost(LAYOUT.wasm(), host("faithful", dir.resolve("faithful.mjs")));
                Backend forgetful = BrowserBackendProvider.forHost(LAYOUT.wasm(), host("forgetful", dir.resolve("forgetful.mjs")));
                Backend missing = BrowserBackendProvider.forHost(LAYOUT.wasm(), host("missing", dir.resolve("missing.mjs")))) {
            assertThat(faithful.name()).isEqualTo("faithful");
            assertThat(runner.run(spec("chaining/by_name"), faithful).status()).isEqualTo(Status.PASS);
            assertThat(runner.run(spec("io/echo_text"), faithful).status()).isEqualTo(Status.PASS);
            var lost = runner.run(spec("chaining/by_name"), forgetful);
            assertThat(lost.status()).isEqualTo(Status.FAIL);
            assertThat(lost.message()).contains("chained");
            assertThat(missing.availability().reason()).contains("no host module at " + dir.resolve("missing.mjs"));
        }
    }

    private static BrowserHost host(String name, Path module) {
        return new BrowserHost(name, Optional.of(module), BrowserHost.OURS.vm(), BrowserHost.OURS.capabilities(), BrowserHost.OURS.imports(),
                BrowserHost.OURS.wasiImports());
    }

    private static Spec spec(String id) {
        return SpecCatalog.load(LAYOUT.specs()).specs().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
