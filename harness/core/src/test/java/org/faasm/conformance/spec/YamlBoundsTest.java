package org.faasm.conformance.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small YAML file cannot expand into a huge tree: nested aliases ("billion laughs"), deep nesting and alias
 * floods are load errors naming the file, the line and the limit, and the other specs still load.
 */
class YamlBoundsTest {
    private static final String GOOD = "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect: {returnValue: 0}\n";

    @TempDir
    Path specs;

    @Test
    void nestedAliasesAreRefusedBeforeTheyExpand() throws Exception {
        StringBuilder laughs = new StringBuilder("spec: 1\nsource: \"harness: a test\"\nfunction: echo\nlol0: &l0 [lol]\n");
        for (int level = 1; level <= 8; level++) {
            laughs.append("lol").append(level).append(": &l").append(level).append(" [");
            laughs.append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (level - 1)))).append("]\n");
        }
        laughs.append("expect: {returnValue: 0}\n");
        assertThat(laughs.length()).as("a file of a few hundred bytes").isLessThan(1_000);
        assertRefused("laughs.yaml", laughs.toString(), "nodes once its aliases are expanded");
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String deep = "spec: 1\nsource: \"harness: a test\"\nfunction: echo\nx: " + "[".repeat(200) + "]".repeat(200) + "\nexpect: {}\n";
        assertRefused("deep.yaml", deep, "nest");
    }

    @Test
    void anAliasFloodIsRefused() throws Exception {
        String flood = "spec: 1\nsource: \"harness: a test\"\nfunction: echo\nv: &v 1\nx: [" + String.join(", ", java.util.Collections.nCopies(2_000, "*v"))
                + "]\nexpect: {}\n";
        assertRefused("flood.yaml", flood, "aliases");
    }

    private void assertRefused(String name, String text, String limit) throws Exception {
        Path bad = specs.resolve(name);
        Files.writeString(bad, text);
        Files.writeString(specs.resolve("good.yaml"), GOOD);
        SpecCatalog catalog = SpecCatalog.load(specs);
        assertThat(catalog.specs()).extracting(Spec::id).containsExactly("good");
        assertThat(catalog.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(bad);
            assertThat(error.line()).isPositive();
            assertThat(error.message()).contains(limit);
        });
    }
}
