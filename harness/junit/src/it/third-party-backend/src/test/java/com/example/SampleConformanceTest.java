package com.example;

import org.faasm.conformance.junit.ConformanceSuite;

/** The suite in this project's build: every selected spec on the sample backend, a test each. */
@ConformanceSuite
class SampleConformanceTest {}
