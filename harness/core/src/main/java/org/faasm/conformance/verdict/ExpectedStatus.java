package org.faasm.conformance.verdict;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a backend's expectations file says about a spec: the status it is known to end with, why, and
 * the entry that says so ({@code file}, {@code line}, its {@code pattern}: a spec id or glob).
 */
public record ExpectedStatus(Status status, String reason, Optional<String> link, Path file, int line, String pattern) {

    /** Where the entry is, e.g. {@code specs/expectations/jvm.yaml:12 (spec: "chaining/*")}. */
    public String where() {
        return file + ":" + line + " (spec: \"" + pattern + "\")";
    }

    /** The verdict of a spec this entry says not to run. */
    public Verdict skip(String specId, String backend) {
        return new Verdict(specId, backend, Status.SKIP, "not run: " + where() + " says SKIP (" + reason + ")",
                List.of(), Optional.empty(), 0, Optional.of(this));
    }

    /**
     * Turns a verdict judged against the spec into one judged against this entry too: the expected
     * failure becomes XFAIL, a pass becomes XPASS, and any other status stays as it is, noting the entry.
     */
    public Verdict apply(Verdict raw) {
        if (raw.status() == status) {
            return raw.withExpectation(Status.XFAIL, "expected " + status + " (" + reason + "): " + raw.message(), this);
        }
        if (raw.status() == Status.PASS) {
            return raw.withExpectation(Status.XPASS, "passes, but " + where() + " expects " + status + " (" + reason
                    + "); remove the entry", this);
        }
        return raw.withExpectation(raw.status(), raw.message() + " (" + where() + " expects " + status + ")", this);
    }
}
