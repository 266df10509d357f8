package org.faasm.conformance.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.faasm.conformance.agreement.Agreement;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.RunListener;
import org.faasm.conformance.run.SpecOutcome;
import org.faasm.conformance.verdict.FailureReport;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * A line per verdict as it lands, e.g. {@code [12/78] PASS io/echo [jvm-wavm] 3.1 ms}, with how many
 * have failed so far; a failure's full report below it; a line naming the spec and the groups when
 * its backends disagree. UNAVAILABLE verdicts are not listed: the run says once per backend that it
 * cannot run here.
 */
final class ProgressPrinter implements RunListener {
    private final PrintStream console;
    private int failing;

    ProgressPrinter(PrintStream console) {
        this.console = console;
    }

    /** Said before the backends start, which can take seconds (a browser, a cluster). */
    void starting(List<String> backends) {
        console.println("Starting " + String.join(", ", backends) + " …");
    }

    /** Once per backend, whether it runs here: an UNAVAILABLE one is not listed spec by spec. */
    void opened(BackendPool pool, int specs) {
        int width = pool.members().stream().mapToInt(m -> m.backend().name().length()).max().orElse(0);
        for (BackendPool.Member member : pool.members()) {
            console.printf("  %-" + width + "s  %s%n", member.backend().name(), member.availability().available() ? "ready"
                    : "UNAVAILABLE for all " + specs + " specs: " + member.availability().reason());
        }
    }

    @Override
    public void verdict(SpecOutcome outcome, int index, int done, int total) {
        Verdict verdict = outcome.verdicts().get(index);
        boolean failure = verdict.status().isFailure();
        if (failure) {
            failing++;
        }
        if (verdict.status() == Status.UNAVAILABLE) {
            divergence(outcome, index);
            return;
        }
        String counter = "[" + done + "/" + total + (failing > 0 ? ", " + failing + " failing" : "") + "]";
        String note = failure || verdict.status() != Status.PASS ? "  " + verdict.message() : "";
        console.printf("%s %-7s %s [%s] %.1f ms%s%n", counter, verdict.status(), verdict.specId(), verdict.backend(),
                verdict.durationNanos() / 1e6, note);
        if (failure) {
            console.print(FailureReport.render(verdict).indent(4));
        }
        divergence(outcome, index);
    }

    /** After a spec's last verdict: which backends saw what, when they disagree. */
    private void divergence(SpecOutcome outcome, int index) {
        Agreement agreement = outcome.agreement();
        if (index == outcome.verdicts().size() - 1 && agreement.state() == Agreement.State.DIVERGE) {
            console.println("    " + outcome.spec().id() + ": backends disagree, " + agreement.groups().stream()
                    .map(group -> String.join(" = ", group)).collect(Collectors.joining(" ≠ "))
                    + "; " + agreement.firstDivergence().orElseThrow().describe());
        }
    }
}
