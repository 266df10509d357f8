package org.faasm.conformance.coverage;

import java.util.List;
import org.faasm.conformance.hostinterface.FaasmImport;

/**
 * One host-interface import across a run.
 *
 * @param implementedBy the run's backends that say they implement it
 * @param specsCalling specs in whose call tree some backend recorded a call to it
 * @param specsImporting specs whose modules import it
 */
public record ImportCoverage(FaasmImport hostImport, List<String> implementedBy, int specsCalling, int specsImporting) {

    /** No spec exercises it: nothing would notice if a backend got it wrong. */
    public boolean gap() {
        return specsCalling == 0;
    }
}
