package org.faasm.conformance.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.spec.YamlDocument;

/** The mutant catalogue ({@code mutants/catalogue.yaml} on the class path), checked as it loads. */
public final class MutantCatalogue {
    public static final String RESOURCE = "/mutants/catalogue.yaml";
    /** The hosts a mutant can be seeded into: the jvm host (both jvm columns) and the browser's. */
    public static final Set<String> HOSTS = Set.of("jvm", "browser");
    static final Set<String> OPERATORS = Set.of("return", "returnArg", "returnAdd", "skip", "keyOnly", "arg", "twice", "once", "sticky",
            "ignoreErrors", "swap", "scaleU64", "restoreOut", "fillOut", "setI32Out", "alias", "prefixWrite", "wrapCheck",
            "moveResult", "recordMapping", "staleMapping",
            "endOffByOne", "trap");

    private MutantCatalogue() {}

    public static List<Mutant> load() {
        try (InputStream in = MutantCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(YamlDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static List<Mutant> parse(JsonNode root) {
        List<Mutant> mutants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : root.path("mutants")) {
            String id = node.path("id").asText("");
            if (id.isEmpty() || !ids.add(id)) {
                throw new IllegalArgumentException(RESOURCE + ": mutant id '" + id + "' is empty or given twice");
            }
            Map<String, JsonNode> calls = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("calls").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> call = it.next();
                calls.put(call.getKey(), checked(id, call.getKey(), call.getValue()));
            }
            if (calls.isEmpty()) {
                throw new IllegalArgumentException(RESOURCE + ": mutant " + id + " affects no call");
            }
            Set<String> hosts = new LinkedHashSet<>();
            node.path("hosts").forEach(h -> hosts.add(h.asText()));
            if (hosts.isEmpty()) {
                hosts.addAll(List.of("jvm", "browser"));
            }
            if (!HOSTS.containsAll(hosts)) {
                throw new IllegalArgumentException(RESOURCE + ": mutant " + id + " names a host other than " + HOSTS + ": " + hosts);
            }
            mutants.add(new Mutant(id, node.path("description").asText(), Set.copyOf(hosts), Map.copyOf(calls), text(node, "survives"),
                    node.path("equivalent").asBoolean(false), text(node, "killer")));
            if (mutants.get(mutants.size() - 1).equivalent() && !node.hasNonNull("survives")) {
                throw new IllegalArgumentException(RESOURCE + ": mutant " + id + " is equivalent without a reason in survives");
            }
        }
        return List.copyOf(mutants);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    /** Exactly one known operator per call, besides an optional {@code when}. */
    private static JsonNode checked(String id, String call, JsonNode operator) {
        List<String> names = new ArrayList<>();
        operator.fieldNames().forEachRemaining(names::add);
        names.remove("when");
        if (names.size() != 1 || !OPERATORS.contains(names.get(0))) {
            throw new IllegalArgumentException(RESOURCE + ": mutant " + id + ", call " + call + ": needs exactly one operator of "
                    + OPERATORS + ", has " + names);
        }
        return operator;
    }
}
