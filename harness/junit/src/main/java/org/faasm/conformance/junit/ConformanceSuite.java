package org.faasm.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose selection runs the conformance suite through {@link ConformanceTestEngine}, e.g.
 * {@code @ConformanceSuite class FaasmConformanceTest {}} in a project's tests: its build then runs
 * every spec on the backends chosen by the configuration parameters ({@code conformance.backends}, …).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConformanceSuite {}
