package org.faasm.conformance.run;

/** A backend as a run saw it: its name, version, and whether it could run here. */
public record BackendInfo(String name, String version, boolean available, String reason) {}
