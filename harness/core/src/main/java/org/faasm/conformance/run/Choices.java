package org.faasm.conformance.run;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;

/**
 * What a run can select: the registered backends, and the spec areas (the first folder of an id) and
 * tags of a catalog. Named in the error for a selection that matches nothing, and in {@code run --help}.
 */
public record Choices(List<String> backends, List<String> areas, List<String> tags) {
    public static Choices of(List<String> backends, SpecCatalog catalog) {
        return new Choices(backends,
                sorted(catalog.specs().stream().map(Spec::id).filter(id -> id.contains("/")).map(id -> id.substring(0, id.indexOf('/')))),
                sorted(catalog.specs().stream().flatMap(s -> s.tags().stream())));
    }

    private static List<String> sorted(Stream<String> names) {
        return List.copyOf(names.collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The error for a selection with no spec in it, naming what exists; {@code allowFlag} is how to accept it. */
    public static String noSpecSelected(Selection selection, SpecCatalog catalog, String allowFlag) {
        Choices choices = of(List.of(), catalog);
        return "no spec matches " + (selection.specs().isEmpty() ? "" : "specs " + selection.specs() + " ")
                + (selection.tags().isEmpty() ? "" : "tags " + selection.tags() + " ")
                + "among the " + catalog.specs().size() + " specs; areas: " + String.join(", ", choices.areas())
                + "; tags: " + String.join(", ", choices.tags()) + "; " + allowFlag + " runs nothing on purpose";
    }
}
