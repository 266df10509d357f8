package org.faasm.conformance.run;

import java.util.List;
import org.faasm.conformance.agreement.Agreement;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.verdict.Verdict;

/** One spec judged on every backend of a run: a verdict per backend, in backend order, and whether they agree. */
public record SpecOutcome(Spec spec, List<Verdict> verdicts, Agreement agreement) {}
