package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.docs.DocumentedCommand;
import org.junit.jupiter.api.Test;

/** The examples {@code run --help} prints each select at least one spec (the documentation's commands: DocumentedCommandsTest). */
class ExamplesTest {

    @Test
    void theCommandLineExamplesSelectSpecs() throws Exception {
        List<String> examples = new ArrayList<>();
        Cli.run("run", "--help").out().lines().map(String::strip).filter(l -> l.startsWith("run ")).forEach(examples::add);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (String example : examples) {
            List<String> args = new ArrayList<>();
            List<String> words = DocumentedCommand.split(example);
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
}
