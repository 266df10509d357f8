package org.faasm.conformance.run;

import java.time.Instant;
import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;

/**
 * A backend as a run saw it: its name, version, the Faasm VM its results follow, the expectations file
 * it is judged by, whether it could run here, the host-interface imports it implements, and when it was opened and closed.
 */
public record BackendInfo(
        String name,
        String version,
        FaasmVm vm,
        String expectations,
        boolean available,
        String reason,
        Set<FaasmImport> implementedImports,
        Set<String> implementedWasiImports,
        Instant started,
        Instant finished) {}
