package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.faasm.conformance.adapter.AdapterDeclaration;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.run.ProjectLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JavaScript host's own checks, run in the browser page: the module rewrites and the import list. */
class BrowserModuleToolsTest {
    private static BrowserBackend backend;

    @BeforeAll
    static void start() {
        ChromiumLocator.Result chromium = ChromiumLocator.system().locate();
        assumeTrue(chromium.executable().isPresent(), chromium.description());
        backend = new BrowserBackend(BrowserOptions.defaults(ProjectLayout.locate().wasm()));
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void thePatchExportsTheTableAndCapsMemory() throws Exception {
        Object failures = backend.session().evaluate(BrowserSession.START_DEADLINE, "async () => (await import('./tests/wasm_patch_test.mjs')).run()", null);
        assertThat((List<?>) failures).isEmpty();
    }

    @Test
    void theJavaScriptHostImplementsWhatTheBackendDeclares() throws Exception {
        Object names = backend.session().evaluate(BrowserSession.START_DEADLINE, "async () => Object.keys((await import('./faasm-host.mjs')).FAASM_CALLS)", null);
        List<String> declared = BrowserBackend.IMPLEMENTED.stream().map(FaasmImport::importName).collect(Collectors.toList());
        assertThat(((List<?>) names).stream().map(String::valueOf).toList()).containsExactlyInAnyOrderElementsOf(declared);
    }

    /** The node adapter runs this very host under Node.js, so its declaration names the same calls. */
    @Test
    void theNodeAdapterDeclaresWhatTheJavaScriptHostImplements() {
        var node = AdapterDeclaration.load(ProjectLayout.locate().root().resolve("harness/adapters/node.yaml"));
        assertThat(node.imports()).containsExactlyInAnyOrderElementsOf(BrowserBackend.IMPLEMENTED);
        assertThat(node.wasiImports()).containsExactlyInAnyOrderElementsOf(BrowserBackend.IMPLEMENTED_WASI);
    }

    @Test
    void theJavaScriptWasiImplementsWhatTheBackendDeclares() throws Exception {
        Object names = backend.session().evaluate(BrowserSession.START_DEADLINE, "async () => Object.keys((await import('./wasi.mjs')).WASI_SIGNATURES)", null);
        assertThat(((List<?>) names).stream().map(String::valueOf).toList()).containsExactlyInAnyOrderElementsOf(BrowserBackend.IMPLEMENTED_WASI);
    }
}
