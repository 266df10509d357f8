package org.faasm.conformance.certify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.spec.YamlDocument;

/** Reads the profiles of {@code specs/profiles/}, one {@code <name>.yaml} each (schema {@code profile-v1.schema.json}). */
public final class Profiles {
    private static final SchemaResource SCHEMA = new SchemaResource("/schema/profile-v1.schema.json");
    private static final long MAX_BYTES = 64 << 10;

    private Profiles() {}

    /** Every profile in the folder, by name; a mistaken file is an {@link IllegalArgumentException} naming it, its line and field. */
    public static List<Profile> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no profiles: " + folder + " is not a folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Profile> profiles = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                profiles.add(read(file));
            }
            return List.copyOf(profiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the profiles in " + folder, e);
        }
    }

    private static Profile read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException("profile " + file + ": larger than " + MAX_BYTES + " bytes");
        }
        YamlDocument document;
        try {
            document = YamlDocument.parse(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("profile " + file + ": malformed YAML: " + e.getOriginalMessage());
        }
        List<String> problems = SCHEMA.validate(document.root()).stream()
                .map(v -> "line " + document.lineOf(v.pointer()) + (v.pointer().isEmpty() ? "" : " at " + v.pointer()) + ": " + v.message())
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("profile " + file + ": " + String.join("; ", problems));
        }
        JsonNode root = document.root();
        List<String> globs = new ArrayList<>();
        root.get("specs").forEach(g -> globs.add(g.asText()));
        return new Profile(name, root.get("summary").asText(), List.copyOf(globs), capabilities(root.path("requiringAny")),
                capabilities(root.path("excluding")));
    }

    private static Set<Capability> capabilities(JsonNode list) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        list.forEach(c -> capabilities.add(Capability.fromId(c.asText())));
        return capabilities;
    }
}
