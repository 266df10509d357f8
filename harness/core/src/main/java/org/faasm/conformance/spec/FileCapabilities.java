package org.faasm.conformance.spec;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** What a spec's files ask of a backend: {@link Capability#FILES}, {@link Capability#SHARED_FILES}, both or neither. */
final class FileCapabilities {
    private FileCapabilities() {}

    static Set<Capability> of(Collection<String> given, Expectation expect, Collection<Expectation> perVm) {
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        given.forEach(path -> needed.add(shared(path) ? Capability.SHARED_FILES : Capability.FILES));
        add(expect.files(), needed);
        perVm.forEach(own -> add(own.files(), needed));
        return needed;
    }

    /** By its prefix alone: a path that does not parse is reported by the loader, not here. */
    private static boolean shared(String path) {
        return path.startsWith(GuestPath.SHARED_PREFIX);
    }

    /** A shared file expected absent cannot be asked of Faasm's file endpoint, which dies on it: only a sandbox can say. */
    private static void add(Map<String, StateExpectation> files, Set<Capability> needed) {
        files.forEach((path, expectation) -> {
            boolean shared = shared(path);
            needed.add(shared ? Capability.SHARED_FILES : Capability.FILES);
            if (shared && expectation.value().isEmpty()) {
                needed.add(Capability.FILES);
            }
        });
    }
}
