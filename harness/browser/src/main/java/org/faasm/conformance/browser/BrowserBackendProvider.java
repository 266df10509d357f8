package org.faasm.conformance.browser;

import java.nio.file.Path;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.BackendProvider;
import org.faasm.conformance.faasm.FaasmEndpoints;

/** The {@code browser} backend: headless Chromium through Playwright, with the host interface in JavaScript. */
public final class BrowserBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "browser";
    }

    @Override
    public Backend create(BackendConfig config) {
        return forHost(config.wasmDir(), BrowserHost.OURS);
    }

    /** A browser column running {@code host}; it offloads to a Faasm deployment when one is configured, else to an embedded cluster. */
    public static Backend forHost(Path wasmDir, BrowserHost host) {
        BrowserOptions defaults = BrowserOptions.defaults(wasmDir);
        return new BrowserBackend(FaasmEndpoints.configured().map(defaults::withCluster).orElse(defaults), host);
    }
}
