package org.faasm.conformance.faasm;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;
import org.faasm.conformance.hostinterface.FaasmVm;

/**
 * A Faasm deployment a team names as its own column, e.g.
 * {@code name=team-cluster,vm=wavm,planner=http://10.0.0.5:8080,upload=http://10.0.0.5:8002}: the
 * column name, the VM its workers run ({@code FAASM_WASM_VM}), and its planner and upload server.
 */
public record FaasmDeployment(String name, FaasmVm vm, FaasmEndpoints endpoints) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final List<String> KEYS = List.of("name", "vm", "planner", "upload");

    /** Reads one declaration; every mistake is an {@link IllegalArgumentException} naming it and the expected form. */
    public static FaasmDeployment parse(String declaration) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : declaration.split(",")) {
            int equals = field.indexOf('=');
            String key = equals < 0 ? field.trim() : field.substring(0, equals).trim();
            if (equals < 0 || !KEYS.contains(key)) {
                throw invalid(declaration, "'" + field.trim() + "' is not one of name=, vm=, planner=, upload=");
            }
            if (fields.put(key, field.substring(equals + 1).trim()) != null) {
                throw invalid(declaration, key + " is given twice");
            }
        }
        for (String key : KEYS) {
            if (!fields.containsKey(key)) {
                throw invalid(declaration, key + "= is missing");
            }
        }
        String name = fields.get("name");
        if (!NAME.matcher(name).matches()) {
            throw invalid(declaration, "the name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        FaasmVm vm = Arrays.stream(FaasmVm.values()).filter(v -> v.id().equals(fields.get("vm"))).findFirst()
                .orElseThrow(() -> invalid(declaration, "vm must be wavm or wamr, not '" + fields.get("vm") + "'"));
        return new FaasmDeployment(name, vm, new FaasmEndpoints(url(declaration, fields.get("planner")), url(declaration, fields.get("upload"))));
    }

    private static URI url(String declaration, String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the expected form
        }
        throw invalid(declaration, "'" + text + "' is not an http(s) URL with a host");
    }

    private static IllegalArgumentException invalid(String declaration, String why) {
        return new IllegalArgumentException("Faasm deployment '" + declaration + "': " + why
                + " (expected name=NAME,vm=wavm|wamr,planner=URL,upload=URL)");
    }
}
