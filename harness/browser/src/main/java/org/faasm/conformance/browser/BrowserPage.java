package org.faasm.conformance.browser;

import java.io.IOException;

/**
 * Where a browser backend's runs happen: our headless Chromium ({@link BrowserSession}), or whatever
 * browser opened the {@code serve} command's page ({@link SuitePage}). Both run a request in a fresh
 * worker of page.mjs; the result comes back through the run mailbox.
 */
interface BrowserPage extends AutoCloseable {
    /** Starts the browser without waiting, where the backend starts it. */
    void startInBackground();

    /** Waits until runs can be handed over. */
    void awaitStarted() throws IOException, InterruptedException;

    /** Runs a request to its outcome ({done} or {error}); interrupted, it stops the run and throws {@link InterruptedException}. */
    BrowserSession.Outcome run(String requestJson) throws IOException, InterruptedException;

    /** The browser, as the report names its version. */
    String version();

    @Override
    void close();
}
