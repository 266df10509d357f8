package org.faasm.conformance.run;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecSelector;

/**
 * Which specs and backends a run covers: spec ids or globs, tags, backend names (empty means all), and
 * the shard of the suite. From system properties ({@code conformance.specs}, {@code conformance.tags},
 * {@code conformance.backends}, comma-separated; {@code conformance.shard}, e.g. {@code 1/2}) for
 * {@code mvn verify}, or from the command line.
 */
public record Selection(List<String> specs, List<String> tags, List<String> backends, Shard shard) {

    public Selection(List<String> specs, List<String> tags, List<String> backends) {
        this(specs, tags, backends, Shard.WHOLE);
    }

    public static Selection fromSystemProperties() {
        return from(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /** From settings by name ({@code conformance.specs}, …), e.g. JUnit's configuration parameters. */
    public static Selection from(Function<String, Optional<String>> setting) {
        String shard = setting.apply("conformance.shard").orElse("");
        return new Selection(list(setting, "conformance.specs"), list(setting, "conformance.tags"), list(setting, "conformance.backends"),
                shard.isBlank() ? Shard.WHOLE : Shard.parse(shard));
    }

    public SpecSelector specSelector() {
        return new SpecSelector(specs, tags);
    }

    /** The specs of {@code catalog} this selection covers, in its order. */
    public List<Spec> select(List<Spec> catalog) {
        return specSelector().select(catalog).stream().filter(spec -> shard.holds(spec.id())).toList();
    }

    public List<String> backendsOr(List<String> all) {
        return backends.isEmpty() ? all : backends;
    }

    private static List<String> list(Function<String, Optional<String>> setting, String name) {
        return Arrays.stream(setting.apply(name).orElse("").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
