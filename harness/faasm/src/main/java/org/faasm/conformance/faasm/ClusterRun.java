package org.faasm.conformance.faasm;

/** One run's user on a Faasm deployment, and whether the state probe is uploaded for it. */
public record ClusterRun(String user, boolean probeUploaded) {}
