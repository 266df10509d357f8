package org.faasm.conformance.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.expectations.ExpectationsLoader;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.spec.SpecCatalog;

/**
 * What discovery loads — every spec and the expectations — kept across launcher sessions in one JVM:
 * PIT re-runs each test in a fresh launcher, and loading the specs again for each cost about 0.3 s.
 * Reused while every file under specs/ has the same path, size and modification time; one entry, the
 * last project loaded, so it is bounded by the size of a project's specs.
 */
final class DiscoveryCache {
    record Loaded(SpecCatalog catalog, Expectations expectations) {}

    private record Key(Path specs, List<String> backends, List<String> files) {}

    private static Key lastKey;
    private static Loaded last;

    private DiscoveryCache() {}

    static synchronized Loaded load(ProjectLayout layout, List<String> backends) {
        Key key = new Key(layout.specs(), List.copyOf(backends), files(layout.specs()));
        if (!key.equals(lastKey)) {
            last = new Loaded(SpecCatalog.load(layout.specs()), new ExpectationsLoader(backends).load(layout.expectations()));
            lastKey = key;
        }
        return last;
    }

    /** Each file's path, size and modification time; an absent folder lists nothing (the catalog says why). */
    private static List<String> files(Path specs) {
        if (!Files.isDirectory(specs)) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(specs)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                files.add(file + " " + attributes.size() + " " + attributes.lastModifiedTime());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + specs, e);
        }
        return files;
    }
}
