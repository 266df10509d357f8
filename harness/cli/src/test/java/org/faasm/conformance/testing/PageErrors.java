package org.faasm.conformance.testing;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a page under test reported as wrong: console errors, uncaught exceptions and any dialog it opened. */
public final class PageErrors {
    private PageErrors() {}

    /** Starts collecting on {@code page}; the list fills as the page runs. */
    public static List<String> collect(Page page) {
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(m.text());
            }
        });
        page.onPageError(errors::add);
        page.onDialog(d -> errors.add("a dialog opened: " + d.message()));
        return errors;
    }
}
