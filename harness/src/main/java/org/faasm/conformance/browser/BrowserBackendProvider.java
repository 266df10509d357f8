package org.faasm.conformance.browser;

import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.BackendProvider;

/** The {@code browser} backend: headless Chromium through Playwright, with the host interface in JavaScript. */
public final class BrowserBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "browser";
    }

    @Override
    public Backend create(BackendConfig config) {
        return new BrowserBackend(BrowserOptions.defaults(config.wasmDir()));
    }
}
