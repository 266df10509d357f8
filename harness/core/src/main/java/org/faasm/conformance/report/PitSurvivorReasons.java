package org.faasm.conformance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.spec.SpecTree;
import org.faasm.conformance.spec.YamlDocument;

/**
 * Why each mutation PIT leaves alive in the host's classes is harmless, or which spec will kill it:
 * {@value #FILE} under the project, or the file {@value #FILE_PROPERTY} names. An entry names a class
 * and method, and optionally PIT's mutator (its simple name) and a line, and gives the reason; it
 * explains every survivor it matches.
 */
final class PitSurvivorReasons {
    static final String FILE = "harness/jvm/pit-survivors.yaml";
    static final String FILE_PROPERTY = "conformance.pitSurvivors";

    private record Entry(String className, String method, Optional<String> mutator, Optional<Integer> line, String reason) {
        boolean explains(PitSurvivor survivor) {
            return survivor.className().equals(className) && survivor.method().equals(method)
                    && mutator.map(survivor.mutator()::equals).orElse(true)
                    && line.map(l -> l == survivor.line()).orElse(true);
        }
    }

    private final List<Entry> entries;

    private PitSurvivorReasons(List<Entry> entries) {
        this.entries = entries;
    }

    /** The project's reasons; none when there is no such file (a PIT report read outside the project). */
    static PitSurvivorReasons find() throws IOException {
        Optional<Path> file = Optional.ofNullable(System.getProperty(FILE_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of)
                .or(() -> projectFile());
        return file.isPresent() && Files.isRegularFile(file.get()) ? read(file.get()) : new PitSurvivorReasons(List.of());
    }

    private static Optional<Path> projectFile() {
        try {
            return Optional.of(ProjectLayout.locate().root().resolve(FILE));
        } catch (IllegalStateException outsideTheProject) {
            return Optional.empty();
        }
    }

    static PitSurvivorReasons read(Path file) throws IOException {
        if (Files.size(file) > SpecTree.MAX_YAML_FILE_BYTES) {
            throw new IOException(file + ": larger than " + SpecTree.MAX_YAML_FILE_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = YamlDocument.parse(Files.readString(file)).root();
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a list of PIT survivors' reasons: " + e.getOriginalMessage(), e);
        }
        JsonNode list = root.get("survivors");
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": expected a list `survivors:` of {class, method, mutator?, line?, reason}");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            String where = file + ", survivor " + (entries.size() + 1);
            entries.add(new Entry(required(entry, "class", where), required(entry, "method", where),
                    Optional.ofNullable(entry.get("mutator")).map(JsonNode::asText),
                    Optional.ofNullable(entry.get("line")).map(JsonNode::asInt), required(entry, "reason", where)));
        }
        return new PitSurvivorReasons(List.copyOf(entries));
    }

    private static String required(JsonNode entry, String field, String where) throws IOException {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IOException(where + ": `" + field + "` must be a non-empty string");
        }
        return value.asText();
    }

    Optional<String> reasonFor(PitSurvivor survivor) {
        return entries.stream().filter(e -> e.explains(survivor)).map(Entry::reason).findFirst();
    }
}
