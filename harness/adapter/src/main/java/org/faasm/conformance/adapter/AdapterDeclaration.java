package org.faasm.conformance.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.spec.YamlDocument;

/**
 * An adapter's declaration, {@code <name>.yaml} in an adapters folder (schema {@code adapter-v1.schema.json}):
 * the column's name is the file's, and its host runs as a command, or as a JavaScript module in Chromium.
 *
 * @param command the command, empty for a browser host
 * @param browserHost the browser host's ES module, resolved against the declaration's folder
 */
public record AdapterDeclaration(String name, Path file, String summary, List<String> command, Optional<Path> browserHost,
        List<String> versionCommand, Optional<String> install, FaasmVm vm, Set<Capability> capabilities, Set<FaasmImport> imports,
        Set<String> wasiImports, Map<String, String> environment) {
    private static final SchemaResource SCHEMA = new SchemaResource("/schema/adapter-v1.schema.json");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Far above any declaration; a bigger file is not one. */
    private static final long MAX_BYTES = 64 << 10;

    /** The folder the command runs in, and relative programs are found from. */
    public Path folder() {
        return file.toAbsolutePath().getParent();
    }

    /** Reads a declaration; every mistake is an {@link IllegalArgumentException} naming the file, line and field. */
    public static AdapterDeclaration load(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!NAME.matcher(name).matches()) {
            throw invalid(file, 0, "the file name must be the column's name: lower-case letters, digits, '.', '_' or '-'");
        }
        YamlDocument document = parse(file);
        List<String> problems = new ArrayList<>();
        SCHEMA.validate(document.root()).forEach(v -> problems.add("line " + document.lineOf(v.pointer()) + ": "
                + (v.pointer().isEmpty() ? "" : v.pointer() + ": ") + v.message()));
        if (!problems.isEmpty()) {
            throw invalid(file, 0, String.join("; ", problems));
        }
        JsonNode root = document.root();
        FaasmVm vm = FaasmVm.valueOf(root.get("vm").asText().toUpperCase(Locale.ROOT));
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        root.get("capabilities").forEach(c -> capabilities.add(Capability.fromId(c.asText())));
        Optional<Path> browserHost = Optional.ofNullable(root.get("browserHost"))
                .map(module -> file.toAbsolutePath().getParent().resolve(module.asText()).normalize());
        return new AdapterDeclaration(name, file, root.get("summary").asText(), strings(root.path("command")), browserHost,
                strings(root.path("version")), Optional.ofNullable(root.get("install")).map(JsonNode::asText), vm,
                capabilities, imports(file, document, vm), Set.copyOf(strings(root.path("wasiImports"))),
                environment(root.path("environment")));
    }

    private static YamlDocument parse(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(file, 0, "larger than " + MAX_BYTES + " bytes");
            }
            return YamlDocument.parse(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw invalid(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "malformed YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Set<FaasmImport> imports(Path file, YamlDocument document, FaasmVm vm) {
        JsonNode list = document.root().get("imports");
        if (list == null) {
            return vm.imports();
        }
        Set<FaasmImport> imports = EnumSet.noneOf(FaasmImport.class);
        for (int i = 0; i < list.size(); i++) {
            String importName = list.get(i).asText();
            FaasmImport call = Arrays.stream(FaasmImport.values()).filter(c -> c.importName().equals(importName)).findFirst()
                    .orElseThrow(() -> invalid(file, 0, "no host-interface call is named " + importName));
            imports.add(call);
        }
        return imports;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static Map<String, String> environment(JsonNode object) {
        Map<String, String> variables = new LinkedHashMap<>();
        object.properties().forEach(f -> variables.put(f.getKey(), f.getValue().asText()));
        return variables;
    }

    private static IllegalArgumentException invalid(Path file, int line, String why) {
        return new IllegalArgumentException("adapter " + file + (line > 0 ? ":" + line : "") + ": " + why);
    }
}
