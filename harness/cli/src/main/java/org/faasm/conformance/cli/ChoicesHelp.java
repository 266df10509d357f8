package org.faasm.conformance.cli;

import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.run.Choices;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.spec.SpecCatalog;
import picocli.CommandLine;

/** The "choices" section of {@code run --help}: the registered backends, spec areas and tags. */
final class ChoicesHelp {
    private static final String SECTION = "choices";

    private ChoicesHelp() {
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
            Choices choices = Choices.of(backends, SpecCatalog.load(ProjectLayout.locate().specs()));
            text.append("Spec areas (--spec 'AREA/*'): ").append(String.join(", ", choices.areas())).append(nl)
                    .append("Tags: ").append(String.join(", ", choices.tags())).append(nl);
        } catch (RuntimeException e) {
            text.append("The rest of the choices are unknown here: ").append(e.getMessage()).append(nl);
        }
        return text.toString();
    }
}
