package org.faasm.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.faasm.conformance.hostinterface.FaasmVm;

/**
 * Reads one spec file: YAML, validated against the v1 JSON Schema, then turned into a {@link Spec}.
 * Every error names the file, the line and the field.
 */
public final class SpecLoader {
    private final SchemaResource schema = new SchemaResource(SchemaResource.SPEC_V1);
    private final Path specsRoot;
    private final SpecTree tree;

    /** @param specsRoot the folder spec ids are relative to, and the only one files are read from */
    public SpecLoader(Path specsRoot) {
        this.specsRoot = specsRoot;
        this.tree = new SpecTree(specsRoot);
    }

    public Spec load(Path file) throws SpecLoadException {
        YamlDocument document = parse(file);
        List<SpecLoadError> errors = new ArrayList<>();
        for (SchemaResource.Violation violation : schema.validate(document.root())) {
            errors.add(new SpecLoadError(file, document.lineOf(violation.pointer()), violation.pointer(), violation.message()));
        }
        if (!errors.isEmpty()) {
            throw new SpecLoadException(errors);
        }
        Mapper mapper = new Mapper(file, document, tree);
        Spec spec = mapper.spec(id(file));
        if (!mapper.errors.isEmpty()) {
            throw new SpecLoadException(mapper.errors);
        }
        return spec;
    }

    private YamlDocument parse(Path file) throws SpecLoadException {
        YamlDocument document = YamlDocument.read(tree, file);
        if (document.root() == null || !document.root().isObject()) {
            throw new SpecLoadException(List.of(new SpecLoadError(file, 1, "", "a spec must be a YAML mapping")));
        }
        return document;
    }

    /** Ids are paths: a spec cannot name itself, so no spec can take another's place. */
    private String id(Path file) {
        String relative = specsRoot.relativize(file).toString().replace('\\', '/');
        return relative.replaceFirst("\\.ya?ml$", "");
    }

    /** Turns a schema-valid document into the model; collects the errors a schema cannot express. */
    private static final class Mapper {
        private final Path file;
        private final YamlDocument document;
        private final SpecTree tree;
        private final List<SpecLoadError> errors = new ArrayList<>();

        Mapper(Path file, YamlDocument document, SpecTree tree) {
            this.file = file;
            this.document = document;
            this.tree = tree;
        }

        Spec spec(String id) {
            JsonNode root = document.root();
            Set<Capability> requires = new LinkedHashSet<>();
            root.path("requires").forEach(c -> requires.add(Capability.fromId(c.asText())));
            Placement placement = placement(root.path("placement"));
            if (placement.entry().equals(Optional.of(Placement.Entry.BROWSER))) {
                requires.add(Capability.BROWSER_ENTRY);
            }
            List<String> tags = new ArrayList<>();
            root.path("tags").forEach(t -> tags.add(t.asText()));
            // in the document's order, so errors are listed as they appear in the file
            byte[] input = root.has("input") ? bytes(root.get("input"), "/input") : new byte[0];
            Map<String, byte[]> given = new LinkedHashMap<>();
            root.path("given").path("state").properties()
                    .forEach(e -> given.put(e.getKey(), bytes(e.getValue(), "/given/state/" + e.getKey())));
            Map<String, byte[]> givenFiles = new LinkedHashMap<>();
            root.path("given").path("files").properties()
                    .forEach(e -> givenFiles.put(guestPath(e.getKey(), "/given/files"), bytes(e.getValue(), "/given/files/" + e.getKey())));
            Expectation expect = expectation(root.path("expect"), "/expect");
            Map<FaasmVm, Expectation> perVm = perVm(root.path("vm"));
            requires.addAll(FileCapabilities.of(givenFiles.keySet(), expect, perVm.values()));
            return new Spec(
                    id,
                    file,
                    root.path("summary").asText(""),
                    root.get("function").asText(),
                    input,
                    root.path("cmdline").asText(""),
                    root.path("hosts").asInt(1),
                    root.has("timeoutMs") ? Optional.of(root.get("timeoutMs").asLong()) : Optional.empty(),
                    given,
                    requires,
                    expect,
                    tags,
                    root.path("consensus").asBoolean(false),
                    placement,
                    citations(root.get("source")),
                    new Diagnostics(matcher(root.path("diagnostics"), "trap", "/diagnostics")),
                    perVm,
                    givenFiles);
        }

        private static List<String> citations(JsonNode source) {
            List<String> citations = new ArrayList<>();
            if (source.isArray()) {
                source.forEach(c -> citations.add(c.asText()));
            } else {
                citations.add(source.asText());
            }
            return List.copyOf(citations);
        }

        private Map<FaasmVm, Expectation> perVm(JsonNode node) {
            Map<FaasmVm, Expectation> expectations = new java.util.EnumMap<>(FaasmVm.class);
            for (FaasmVm vm : FaasmVm.values()) {
                if (node.has(vm.id())) {
                    expectations.put(vm, expectation(node.get(vm.id()), "/vm/" + vm.id()));
                }
            }
            return expectations;
        }

        private static Placement placement(JsonNode node) {
            return new Placement(
                    node.has("entry") ? Optional.of(Placement.Entry.fromId(node.get("entry").asText())) : Optional.empty(),
                    node.has("chained") ? Placement.Chained.fromId(node.get("chained").asText()) : Placement.Chained.IN_PLACE);
        }

        private Expectation expectation(JsonNode node, String pointer) {
            Map<String, StateExpectation> state = new LinkedHashMap<>();
            node.path("state").properties().forEach(e -> state.put(e.getKey(), stateExpectation(e.getValue(), pointer + "/state/" + e.getKey())));
            Map<String, StateExpectation> files = new LinkedHashMap<>();
            node.path("files").properties().forEach(e -> files.put(guestPath(e.getKey(), pointer + "/files"),
                    stateExpectation(e.getValue(), pointer + "/files/" + e.getKey())));
            return new Expectation(
                    integer(node, "returnValue"),
                    matcher(node, "output", pointer),
                    matcher(node, "stdout", pointer),
                    matcher(node, "stderr", pointer),
                    chainedList(node, pointer),
                    state,
                    files);
        }

        private Optional<List<ChainedCallExpectation>> chainedList(JsonNode parent, String pointer) {
            if (!parent.has("chained")) {
                return Optional.empty();
            }
            List<ChainedCallExpectation> calls = new ArrayList<>();
            JsonNode list = parent.get("chained");
            for (int i = 0; i < list.size(); i++) {
                calls.add(chainedCall(list.get(i), pointer + "/chained/" + i));
            }
            return Optional.of(calls);
        }

        private ChainedCallExpectation chainedCall(JsonNode node, String pointer) {
            return new ChainedCallExpectation(
                    node.has("function") ? Optional.of(node.get("function").asText()) : Optional.empty(),
                    integer(node, "ptr"),
                    matcher(node, "input", pointer),
                    integer(node, "returnValue"),
                    matcher(node, "output", pointer),
                    chainedList(node, pointer));
        }

        private StateExpectation stateExpectation(JsonNode node, String pointer) {
            if (node.has("absent")) {
                return StateExpectation.absent();
            }
            return StateExpectation.matching(toMatcher(node, pointer));
        }

        private Optional<BytesMatcher> matcher(JsonNode parent, String field, String pointer) {
            return parent.has(field) ? Optional.of(toMatcher(parent.get(field), pointer + "/" + field)) : Optional.empty();
        }

        private BytesMatcher toMatcher(JsonNode node, String pointer) {
            String kind = node.fieldNames().next();
            String value = node.get(kind).asText();
            return switch (kind) {
                case "prefix" -> new BytesMatcher.Prefix(value);
                case "contains" -> new BytesMatcher.Contains(value);
                case "any" -> new BytesMatcher.Any();
                case "regex" -> regex(value, pointer + "/regex");
                default -> new BytesMatcher.Exact(bytes(node, pointer));
            };
        }

        private BytesMatcher regex(String value, String pointer) {
            try {
                return new BytesMatcher.Regex(Pattern.compile(value));
            } catch (PatternSyntaxException e) {
                error(pointer, "invalid regex: " + e.getDescription());
                return new BytesMatcher.Any();
            }
        }

        private byte[] bytes(JsonNode node, String pointer) {
            String kind = node.fieldNames().next();
            String value = node.get(kind).asText();
            try {
                return switch (kind) {
                    case "text" -> Bytes.utf8(value);
                    case "hex" -> Bytes.fromHex(value);
                    case "base64" -> Base64.getDecoder().decode(value);
                    case "file" -> tree.readNamed(file, value);
                    default -> throw new IllegalStateException("schema allows no " + kind);
                };
            } catch (IllegalArgumentException e) {
                error(pointer + "/" + kind, "invalid " + kind + ": " + e.getMessage());
            } catch (SpecTree.RefusedFile e) {
                error(pointer + "/file", e.getMessage());
            }
            return new byte[0];
        }

        /** A file's path as written, checked to be one {@link GuestPath} spells only one way. */
        private String guestPath(String text, String pointer) {
            try {
                return GuestPath.parse(text).text();
            } catch (IllegalArgumentException e) {
                error(pointer + "/" + text, e.getMessage());
                return text;
            }
        }

        private static Optional<Integer> integer(JsonNode parent, String field) {
            return parent.has(field) ? Optional.of(parent.get(field).asInt()) : Optional.empty();
        }

        private void error(String pointer, String message) {
            errors.add(new SpecLoadError(file, document.lineOf(pointer), pointer, message));
        }
    }
}
