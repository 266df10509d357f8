package org.faasm.conformance.backend;

import java.util.List;

/**
 * Backends declared by configuration rather than by class, such as Faasm deployments a team names
 * itself; found through {@link java.util.ServiceLoader} beside the {@link BackendProvider}s.
 */
public interface BackendFamily {

    /** The backends configured now; an error in the configuration is an {@link IllegalArgumentException} naming it. */
    List<BackendProvider> providers();
}
