package org.faasm.conformance.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.Selection;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import picocli.CommandLine;

/**
 * What a run can select: the registered backends, and the spec areas (the first folder of an id) and
 * tags of a catalog. Named in {@code run --help} and in the error for a selection that matches nothing.
 */
public record Choices(List<String> backends, List<String> areas, List<String> tags) {
    private static final String SECTION = "choices";

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

    /** Adds a help section to {@code command}, computed when help is printed (it reads the specs). */
    static void addTo(CommandLine command) {
        command.getHelpSectionMap().put(SECTION, help -> render());
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
        command.setHelpSectionKeys(keys);
    }

    private static String render() {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(nl);
        try {
            List<String> backends = new Backends().names();
            text.append("Backends: ").append(String.join(", ", backends)).append(nl);
            Choices choices = of(backends, SpecCatalog.load(ProjectLayout.locate().specs()));
            text.append("Spec areas (--spec 'AREA/*'): ").append(String.join(", ", choices.areas())).append(nl)
                    .append("Tags: ").append(String.join(", ", choices.tags())).append(nl);
        } catch (RuntimeException e) {
            text.append("The rest of the choices are unknown here: ").append(e.getMessage()).append(nl);
        }
        return text.toString();
    }
}
