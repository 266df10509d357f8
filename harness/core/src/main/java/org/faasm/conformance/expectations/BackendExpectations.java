package org.faasm.conformance.expectations;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import org.faasm.conformance.verdict.ExpectedStatus;

/**
 * The entries of one backend's expectations file, in file order. A spec's entry is the one naming its
 * id exactly, else the first glob that matches it.
 */
public record BackendExpectations(String backend, Path file, List<ExpectedStatus> entries) {

    public static BackendExpectations none(String backend) {
        return new BackendExpectations(backend, Path.of(""), List.of());
    }

    public Optional<ExpectedStatus> lookup(String specId) {
        return entries.stream().filter(e -> e.pattern().equals(specId)).findFirst()
                .or(() -> entries.stream().filter(e -> matches(e.pattern(), specId)).findFirst());
    }

    static boolean matches(String pattern, String specId) {
        return glob(pattern).matches(Path.of(specId));
    }

    static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
}
