package org.faasm.conformance.run;

import java.time.Instant;
import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmImport;

/**
 * A backend as a run saw it: its name, version, whether it could run here, the host-interface imports
 * it implements, and when it was opened and closed.
 */
public record BackendInfo(
        String name,
        String version,
        boolean available,
        String reason,
        Set<FaasmImport> implementedImports,
        Instant started,
        Instant finished) {}
