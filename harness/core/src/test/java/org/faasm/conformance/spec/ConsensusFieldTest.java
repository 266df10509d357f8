package org.faasm.conformance.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code consensus: true} lets a spec leave out fixed values; without it, {@code expect} stays mandatory. */
class ConsensusFieldTest {

    @Test
    void aConsensusSpecMayLeaveOutExpect(@TempDir Path specs) throws Exception {
        Spec spec = new SpecLoader(specs).load(write(specs, "a.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nconsensus: true\n"));
        assertThat(spec.consensus()).isTrue();
        assertThat(spec.expect().returnValue()).isEmpty();
        assertThat(new SpecLoader(specs).load(write(specs, "b.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect: {}\n")).consensus()).isFalse();
    }

    @Test
    void withoutConsensusExpectIsRequiredAndConsensusMustBeABoolean(@TempDir Path specs) throws Exception {
        Path missing = write(specs, "c.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nconsensus: false\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(missing)).isInstanceOfSatisfying(SpecLoadException.class,
                e -> assertThat(e.getMessage()).contains("expect"));
        Path notBoolean = write(specs, "d.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nconsensus: yes please\nexpect: {}\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(notBoolean)).isInstanceOfSatisfying(SpecLoadException.class,
                e -> assertThat(e.errors()).extracting(SpecLoadError::field, SpecLoadError::line)
                        .contains(org.assertj.core.groups.Tuple.tuple("/consensus", 4)));
    }

    private static Path write(Path specs, String name, String text) throws Exception {
        return Files.writeString(specs.resolve(name), text);
    }
}
