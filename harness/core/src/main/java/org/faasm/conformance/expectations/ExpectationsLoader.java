package org.faasm.conformance.expectations;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.spec.SpecLoadError;
import org.faasm.conformance.spec.SpecLoadException;
import org.faasm.conformance.spec.SpecTree;
import org.faasm.conformance.spec.YamlDocument;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Status;

/**
 * Reads {@code <backend>.yaml} files from an expectations folder, validated against
 * {@value #SCHEMA}. Every error names the file, the line and the field. A file named after no known
 * backend, or one that is not a list of entries, contributes nothing; a bad entry (an invalid glob,
 * a duplicate, a field the schema refuses) is reported and left out, and the file's other entries
 * still apply.
 */
public final class ExpectationsLoader {
    public static final String SCHEMA = "/schema/expectations-v1.schema.json";
    private static final Pattern ENTRY = Pattern.compile("^/expectations/(\\d+)(/.*)?$");

    private final SchemaResource schema = new SchemaResource(SCHEMA);
    private final Set<String> knownBackends;

    /** @param knownBackends the names of the registered backends (see {@code backend.Backends#names}) */
    public ExpectationsLoader(Collection<String> knownBackends) {
        this.knownBackends = new TreeSet<>(knownBackends);
    }

    public Expectations load(Path folder) {
        Map<String, BackendExpectations> byBackend = new LinkedHashMap<>();
        List<SpecLoadError> errors = new ArrayList<>();
        List<Path> files = files(folder);
        if (files.isEmpty()) {
            return new Expectations(Map.of(), List.of());
        }
        SpecTree tree = new SpecTree(folder);
        for (Path file : files) {
            String backend = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (!knownBackends.contains(backend)) {
                // A column this build does not have (another project runs the corpus with its own backends)
                // is no concern of this run; a name one or two letters off a registered one is a typo.
                Optional<String> meant = knownBackends.stream().filter(known -> EditDistance.between(known, backend) <= 2)
                        .min(Comparator.comparingInt(known -> EditDistance.between(known, backend)));
                meant.ifPresent(known -> errors.add(new SpecLoadError(file, 0, "", "no backend is named '" + backend
                        + "' (did you mean '" + known + "'?): an expectations file is named after its backend, one of "
                        + String.join(", ", knownBackends))));
                continue;
            }
            try {
                byBackend.put(backend, loadFile(backend, file, YamlDocument.read(tree, file), errors));
            } catch (SpecLoadException e) {
                errors.addAll(e.errors());
            }
        }
        return new Expectations(byBackend, List.copyOf(errors));
    }

    private BackendExpectations loadFile(String backend, Path file, YamlDocument document, List<SpecLoadError> errors) {
        JsonNode root = document.root();
        if (root == null || !root.isObject()) {
            errors.add(new SpecLoadError(file, 1, "", "an expectations file must be a YAML mapping with a list 'expectations'"));
            return BackendExpectations.none(backend);
        }
        Optional<Set<Integer>> badEntries = schemaViolations(file, document, errors);
        if (badEntries.isEmpty()) {
            return BackendExpectations.none(backend);
        }
        List<ExpectedStatus> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode list = root.get("expectations");
        for (int i = 0; i < list.size(); i++) {
            if (badEntries.get().contains(i)) {
                continue;
            }
            String pointer = "/expectations/" + i;
            JsonNode node = list.get(i);
            String pattern = node.get("spec").asText();
            int line = document.lineOf(pointer);
            Integer earlier = seen.putIfAbsent(pattern, line);
            if (earlier != null) {
                errors.add(new SpecLoadError(file, document.lineOf(pointer + "/spec"), pointer + "/spec",
                        "spec \"" + pattern + "\" already has an entry at line " + earlier));
            } else if (validGlob(pattern, file, document.lineOf(pointer + "/spec"), pointer + "/spec", errors)) {
                entries.add(new ExpectedStatus(Status.valueOf(node.get("status").asText()), node.get("reason").asText().strip(),
                        Optional.ofNullable(node.get("link")).map(JsonNode::asText), file, line, pattern));
            }
        }
        return new BackendExpectations(backend, file, List.copyOf(entries));
    }

    /** Reports what the schema refuses; the entries it refuses, or none when the file as a whole is wrong. */
    private Optional<Set<Integer>> schemaViolations(Path file, YamlDocument document, List<SpecLoadError> errors) {
        Map<String, String> violations = new LinkedHashMap<>();
        schema.validate(document.root()).forEach(v -> violations.putIfAbsent(v.pointer(),
                v.pointer().endsWith("/reason") && v.message().contains("pattern")
                        ? "reason must not be empty: say why the spec is expected to end this way" : v.message()));
        violations.forEach((pointer, message) -> errors.add(new SpecLoadError(file, document.lineOf(pointer), pointer, message)));
        Set<Integer> badEntries = new TreeSet<>();
        for (String pointer : violations.keySet()) {
            Matcher entry = ENTRY.matcher(pointer);
            if (!entry.matches()) {
                return Optional.empty();
            }
            badEntries.add(Integer.parseInt(entry.group(1)));
        }
        return Optional.of(badEntries);
    }

    private static boolean validGlob(String pattern, Path file, int line, String pointer, List<SpecLoadError> errors) {
        try {
            BackendExpectations.glob(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            errors.add(new SpecLoadError(file, line, pointer, "invalid glob: " + e.getDescription()));
            return false;
        }
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // Symbolic links, FIFOs and devices are listed too, so the tree refuses them by name instead of skipping them.
            return files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
