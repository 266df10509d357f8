package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.Selection;
import org.faasm.conformance.spec.SpecCatalog;
import org.junit.jupiter.api.Test;

/** The examples people copy, from the README and from {@code run --help}, each select at least one spec. */
class ExamplesTest {
    private static final Pattern EXEC_ARGS = Pattern.compile("-Dexec\\.args=\"(run [^\"]*)\"");
    private static final Pattern PROPERTY = Pattern.compile("-Dconformance\\.(specs|tags|backends)=('[^']*'|\\S+)");

    @Test
    void theCommandLineExamplesSelectSpecs() throws Exception {
        List<String> examples = new ArrayList<>();
        Matcher readme = EXEC_ARGS.matcher(Files.readString(ProjectLayout.locate().root().resolve("README.md")));
        while (readme.find()) {
            examples.add(readme.group(1));
        }
        Cli.run("run", "--help").out().lines().map(String::strip).filter(l -> l.startsWith("run ")).forEach(examples::add);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        for (String example : examples) {
            List<String> args = new ArrayList<>();
            List<String> words = words(example);
            for (int i = 0; i < words.size(); i++) {
                switch (words.get(i)) {
                    case "--help", "--list" -> { }
                    case "--out", "--baseline" -> i++; // placeholders to write or read: not what selects specs
                    default -> args.add(words.get(i));
                }
            }
            args.add("--list");
            Cli.Result listed = Cli.run(args.toArray(String[]::new));
            assertThat(listed.exit()).as(example + "\n" + listed).isZero();
            assertThat(listed.out()).as(example).containsPattern("(?m)^[1-9][0-9]* specs on ");
        }
    }

    @Test
    void theMavenExamplesSelectSpecs() throws Exception {
        SpecCatalog catalog = SpecCatalog.load(ProjectLayout.locate().specs());
        List<String> lines = Files.readString(ProjectLayout.locate().root().resolve("README.md")).lines()
                .filter(l -> l.startsWith("mvn verify -Dconformance.")).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            List<String> specs = List.of();
            List<String> tags = List.of();
            Matcher property = PROPERTY.matcher(line);
            while (property.find()) {
                List<String> values = Arrays.asList(property.group(2).replace("'", "").split(","));
                switch (property.group(1)) {
                    case "specs" -> specs = values;
                    case "tags" -> tags = values;
                    default -> { }
                }
            }
            assertThat(new Selection(specs, tags, List.of()).specSelector().select(catalog.specs())).as(line).isNotEmpty();
        }
    }

    /** Splits a command as a shell would for these examples: words, with single quotes grouping. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }
}
