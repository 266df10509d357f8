package org.faasm.conformance.bench;

import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.verdict.Verdict;

/**
 * One pass over the specs on one backend, through the same {@link SpecRunner} a suite run uses, so
 * each time is what a spec costs in a real run: hand-off to a worker, the cluster, the guest, judging.
 */
record SuitePass(long[] perSpecNs, long totalNs, List<Verdict> verdicts) {

    static SuitePass run(SpecRunner runner, Backend backend, List<Spec> specs) {
        long[] times = new long[specs.size()];
        List<Verdict> verdicts = new ArrayList<>(specs.size());
        long start = System.nanoTime();
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            verdicts.add(runner.run(specs.get(i), backend));
            times[i] = System.nanoTime() - t0;
        }
        return new SuitePass(times, System.nanoTime() - start, verdicts);
    }

    /** The same pass restricted to the specs at {@code keep}; the total is the kept specs' sum. */
    SuitePass only(List<Integer> keep) {
        if (keep.size() == perSpecNs.length) {
            return this;
        }
        long[] times = keep.stream().mapToLong(i -> perSpecNs[i]).toArray();
        long sum = java.util.Arrays.stream(times).sum();
        return new SuitePass(times, sum, keep.stream().map(verdicts::get).toList());
    }

    PassStats stats() {
        return PassStats.of(perSpecNs, totalNs);
    }
}
