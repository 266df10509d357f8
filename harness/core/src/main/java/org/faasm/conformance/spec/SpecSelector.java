package org.faasm.conformance.spec;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Chooses specs by id (exact or glob, e.g. {@code chain/*}) and by tag. Empty lists select everything.
 */
public final class SpecSelector {
    private final List<PathMatcher> ids;
    private final List<String> tags;

    public SpecSelector(List<String> idGlobs, List<String> tags) {
        this.ids = idGlobs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        this.tags = List.copyOf(tags);
    }

    public static SpecSelector all() {
        return new SpecSelector(List.of(), List.of());
    }

    public boolean selects(Spec spec) {
        boolean idMatches = ids.isEmpty() || ids.stream().anyMatch(m -> m.matches(Path.of(spec.id())));
        boolean tagMatches = tags.isEmpty() || spec.tags().stream().anyMatch(tags::contains);
        return idMatches && tagMatches;
    }

    public List<Spec> select(List<Spec> specs) {
        return specs.stream().filter(this::selects).toList();
    }
}
