package org.faasm.conformance.bench;

import java.util.List;

/**
 * Each spec's own time in a suite section (its median over the timed passes), kept so the bench page
 * can draw the distribution the section's mean, median and p95 columns summarise.
 *
 * @param backend the backend that ran the specs, e.g. jvm-wavm
 */
public record SpecTimes(String backend, List<SpecTime> specs) {

    /** @param deliberatelySlow the spec runs a module that sleeps or spins on purpose, left out of the judged row */
    public record SpecTime(String spec, long medianNs, boolean deliberatelySlow) {
    }
}
