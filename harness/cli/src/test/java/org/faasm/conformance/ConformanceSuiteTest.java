package org.faasm.conformance;

import org.faasm.conformance.junit.ConformanceSuite;
import org.faasm.conformance.junit.ConformanceTestEngine;

/**
 * The conformance suite in this project's own {@code mvn verify}: selecting this class runs every spec
 * on every backend through {@link ConformanceTestEngine}, as another project's build would. Narrow it
 * with {@code -Dconformance.specs=chain/*}, {@code -Dconformance.tags=state},
 * {@code -Dconformance.backends=jvm-wavm}, {@code -Dconformance.shard=1/2}; compare with
 * {@code -Dconformance.baseline=<earlier report.json>}; reports go to {@code harness/cli/target/conformance-reports}.
 */
@ConformanceSuite
class ConformanceSuiteTest {}
