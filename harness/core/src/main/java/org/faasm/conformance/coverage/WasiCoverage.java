package org.faasm.conformance.coverage;

import java.util.List;

/**
 * One {@code wasi_snapshot_preview1} call across a run: which backends implement it and how many specs
 * call it. Each backend takes WASI from its own library, so this says where they can differ at all.
 *
 * @param implementedBy the run's backends that say they implement it
 * @param specsCalling specs in whose call tree some backend recorded a call to it
 */
public record WasiCoverage(String name, List<String> implementedBy, int specsCalling) {
    public static final String MODULE = "wasi_snapshot_preview1";
}
