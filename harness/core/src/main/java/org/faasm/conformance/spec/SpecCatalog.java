package org.faasm.conformance.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every spec under a folder. A file that does not load is kept as its errors; one bad spec never
 * stops the others. Folders {@code expectations/}, {@code data/}, {@code profiles/} and {@code recorded/} hold no specs.
 */
public record SpecCatalog(Path root, List<Spec> specs, List<SpecLoadError> errors) {

    public static SpecCatalog load(Path root) {
        List<Path> files = specFiles(root);
        SpecLoader loader = new SpecLoader(root);
        List<Spec> specs = new ArrayList<>();
        List<SpecLoadError> errors = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            try {
                Spec spec = loader.load(file);
                Path earlier = seen.putIfAbsent(spec.id(), file);
                if (earlier != null) {
                    errors.add(new SpecLoadError(file, 0, "", "duplicate spec id " + spec.id() + ", also the id of " + earlier));
                } else {
                    specs.add(spec);
                }
            } catch (SpecLoadException e) {
                errors.addAll(e.errors());
            }
        }
        return new SpecCatalog(root, List.copyOf(specs), List.copyOf(errors));
    }

    private static List<Path> specFiles(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no specs folder at " + root.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(root)) {
            // Symbolic links, FIFOs and devices are listed too, so the loader refuses them by name instead of skipping them.
            return files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !isUnder(root, p, "expectations") && !isUnder(root, p, "data") && !isUnder(root, p, "profiles")
                            && !isUnder(root, p, "recorded"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isUnder(Path root, Path file, String folder) {
        return root.relativize(file).startsWith(folder);
    }
}
