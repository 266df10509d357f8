package org.faasm.conformance.bench;

/** Times {@code bench_kernel(n)} of one kernel on one engine. Never throws: failures become Measurements. */
public interface KernelRunner {

    Engine engine();

    Measurement run(Kernel kernel, RunPlan plan);
}
