package org.faasm.conformance.expectations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.spec.SpecLoadError;
import org.faasm.conformance.spec.YamlDocument;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Status;

/**
 * Reads {@code <backend>.yaml} files from an expectations folder, validated against
 * {@value #SCHEMA}. Every error names the file, the line and the field; a file with errors
 * contributes no entries.
 */
public final class ExpectationsLoader {
    public static final String SCHEMA = "/schema/expectations-v1.schema.json";

    private final SchemaResource schema = new SchemaResource(SCHEMA);

    public Expectations load(Path folder) {
        Map<String, BackendExpectations> byBackend = new LinkedHashMap<>();
        List<SpecLoadError> errors = new ArrayList<>();
        for (Path file : files(folder)) {
            String backend = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            List<SpecLoadError> fileErrors = new ArrayList<>();
            BackendExpectations loaded = loadFile(backend, file, fileErrors);
            errors.addAll(fileErrors);
            if (fileErrors.isEmpty()) {
                byBackend.put(backend, loaded);
            }
        }
        return new Expectations(byBackend, List.copyOf(errors));
    }

    BackendExpectations loadFile(String backend, Path file, List<SpecLoadError> errors) {
        YamlDocument document;
        try {
            document = YamlDocument.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(new SpecLoadError(file, line, "", "malformed YAML: " + e.getOriginalMessage()));
            return BackendExpectations.none(backend);
        } catch (IOException e) {
            errors.add(new SpecLoadError(file, 0, "", "cannot read: " + e));
            return BackendExpectations.none(backend);
        }
        JsonNode root = document.root();
        if (root == null || !root.isObject()) {
            errors.add(new SpecLoadError(file, 1, "", "an expectations file must be a YAML mapping with a list 'expectations'"));
            return BackendExpectations.none(backend);
        }
        Map<String, String> violations = new LinkedHashMap<>();
        schema.validate(root).forEach(v -> violations.putIfAbsent(v.pointer(), v.pointer().endsWith("/reason") && v.message().contains("pattern")
                ? "reason must not be empty: say why the spec is expected to end this way" : v.message()));
        violations.forEach((pointer, message) -> errors.add(new SpecLoadError(file, document.lineOf(pointer), pointer, message)));
        if (!errors.isEmpty()) {
            return BackendExpectations.none(backend);
        }
        List<ExpectedStatus> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode list = root.get("expectations");
        for (int i = 0; i < list.size(); i++) {
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
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
