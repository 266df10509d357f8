package org.faasm.conformance.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.spec.SpecTree;
import org.faasm.conformance.spec.YamlDocument;

/**
 * Where a model is known to differ from a real host's recordings, and why: {@value #FILE} beside the recordings,
 * a list of {@code {spec, model, reason}}, and {@code varies: true} where the difference depends on the moment of
 * the run (a clock). A difference not listed fails the check, and so does an entry whose difference is gone
 * (unless it varies), so the list can neither hide a new disagreement nor outlive a fix.
 */
public final class KnownDifferences {
    public static final String FILE = "differences.yaml";

    private final Map<String, String> reasons;
    private final Set<String> varying;

    private KnownDifferences(Map<String, String> reasons, Set<String> varying) {
        this.reasons = reasons;
        this.varying = varying;
    }

    /** The store's file; none listed when it has none. Bad content is an {@link IOException} naming the file and entry. */
    public static KnownDifferences of(RecordingStore store) throws IOException {
        Path file = store.folder().resolve(FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new KnownDifferences(Map.of(), Set.of());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > SpecTree.MAX_YAML_FILE_BYTES) {
            throw new IOException(file + ": not a regular file of at most " + SpecTree.MAX_YAML_FILE_BYTES + " bytes");
        }
        JsonNode list;
        try {
            list = YamlDocument.parse(Files.readString(file)).root().get("differences");
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a list of known differences: " + e.getOriginalMessage(), e);
        }
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": expected a list `differences:` of {spec, model, reason}");
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        Set<String> varying = new HashSet<>();
        for (JsonNode entry : list) {
            String where = file + ", entry " + (reasons.size() + 1);
            String key = key(text(entry, "spec", where), text(entry, "model", where));
            if (reasons.put(key, text(entry, "reason", where)) != null) {
                throw new IOException(where + ": a second entry for " + key);
            }
            if (entry.path("varies").asBoolean(false)) {
                varying.add(key);
            }
        }
        return new KnownDifferences(reasons, varying);
    }

    public Optional<String> reason(String spec, String model) {
        return Optional.ofNullable(reasons.get(key(spec, model)));
    }

    /** Every listed {@code spec [model]} whose difference shows in every run, for finding entries whose difference is gone. */
    public Set<String> alwaysDiffering() {
        Set<String> always = new LinkedHashSet<>(reasons.keySet());
        always.removeAll(varying);
        return always;
    }

    static String key(String spec, String model) {
        return spec + " [" + model + "]";
    }

    private static String text(JsonNode entry, String field, String where) throws IOException {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IOException(where + ": `" + field + "` must be a non-empty string");
        }
        return value.asText();
    }
}
