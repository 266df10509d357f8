package org.faasm.conformance.run;

import java.util.Arrays;
import java.util.List;
import org.faasm.conformance.spec.SpecSelector;

/**
 * Which specs and backends a run covers: spec ids or globs, tags, backend names. Empty means all.
 * From system properties ({@code conformance.specs}, {@code conformance.tags},
 * {@code conformance.backends}, comma-separated) for {@code mvn verify}, or from the command line.
 */
public record Selection(List<String> specs, List<String> tags, List<String> backends) {

    public static Selection fromSystemProperties() {
        return new Selection(list("conformance.specs"), list("conformance.tags"), list("conformance.backends"));
    }

    public SpecSelector specSelector() {
        return new SpecSelector(specs, tags);
    }

    public List<String> backendsOr(List<String> all) {
        return backends.isEmpty() ? all : backends;
    }

    private static List<String> list(String property) {
        String value = System.getProperty(property, "");
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
