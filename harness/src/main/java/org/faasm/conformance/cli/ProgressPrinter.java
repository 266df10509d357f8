package org.faasm.conformance.cli;

import java.io.PrintStream;
import org.faasm.conformance.agreement.Agreement;
import org.faasm.conformance.run.RunListener;
import org.faasm.conformance.run.SpecOutcome;
import org.faasm.conformance.verdict.FailureReport;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * A line per verdict as it lands, e.g. {@code [12/78] PASS io/echo [jvm] 3.1 ms}, with how many have
 * failed so far; a failure's full report below it; a line when a spec's backends disagree.
 */
final class ProgressPrinter implements RunListener {
    private final PrintStream console;
    private int failing;

    ProgressPrinter(PrintStream console) {
        this.console = console;
    }

    @Override
    public void verdict(SpecOutcome outcome, int index, int done, int total) {
        Verdict verdict = outcome.verdicts().get(index);
        boolean failure = verdict.status().isFailure();
        if (failure) {
            failing++;
        }
        String counter = "[" + done + "/" + total + (failing > 0 ? ", " + failing + " failing" : "") + "]";
        String note = failure || verdict.status() != Status.PASS ? "  " + verdict.message() : "";
        console.printf("%s %-7s %s [%s] %.1f ms%s%n", counter, verdict.status(), verdict.specId(), verdict.backend(),
                verdict.durationNanos() / 1e6, note);
        if (failure) {
            console.print(FailureReport.render(verdict).indent(4));
        }
        Agreement agreement = outcome.agreement();
        if (index == outcome.verdicts().size() - 1 && agreement.state() == Agreement.State.DIVERGE) {
            console.println("    backends disagree: " + agreement.firstDivergence().orElseThrow().describe());
        }
    }
}
