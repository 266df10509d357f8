package org.faasm.conformance.certify;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.Spec;

/**
 * A named part of the host interface a host can be certified for ({@code specs/profiles/<name>.yaml}):
 * the specs whose id matches one of its globs and that require a capability of {@code requiringAny}
 * (when it names any) and none of {@code excluding}.
 */
public record Profile(String name, String summary, List<String> specGlobs, Set<Capability> requiringAny, Set<Capability> excluding) {

    public boolean holds(Spec spec) {
        boolean named = specGlobs.stream().map(Profile::matcher).anyMatch(m -> m.matches(Path.of(spec.id())));
        boolean required = requiringAny.isEmpty() || !Collections.disjoint(spec.requires(), requiringAny);
        return named && required && Collections.disjoint(spec.requires(), excluding);
    }

    public List<Spec> specs(List<Spec> corpus) {
        return corpus.stream().filter(this::holds).toList();
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }
}
