package org.faasm.conformance.report;

/** A mutation PIT's tests left alive: where it is and what it changed (PIT's own description). */
record PitSurvivor(String className, String method, int line, String mutator, String description) {}
