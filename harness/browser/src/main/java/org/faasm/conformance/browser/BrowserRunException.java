package org.faasm.conformance.browser;

/** The browser backend could not run a spec (a missing entry module, the cluster failing, a crashed worker). */
final class BrowserRunException extends Exception {
    BrowserRunException(String message) {
        super(message);
    }
}
