package org.faasm.conformance.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's profiles load, and together they hold every spec: no spec is left out of certification. */
class ProfilesTest {

    @Test
    void everySpecIsInSomeProfile() {
        ProjectLayout layout = ProjectLayout.locate();
        List<Profile> profiles = Profiles.load(layout.specs().resolve("profiles"));
        assertThat(profiles).extracting(Profile::name).contains("core", "chaining", "state", "state-wavm", "multi-host", "robustness");
        List<String> orphans = SpecCatalog.load(layout.specs()).specs().stream()
                .filter(spec -> profiles.stream().noneMatch(p -> p.holds(spec))).map(Spec::id).toList();
        assertThat(orphans).as("specs in no profile").isEmpty();
    }

    @Test
    void aMistakenProfileNamesItsFileLineAndField(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("odd.yaml"), "profile: 1\nsource: \"harness: a test\"\nsummary: x\nspecs: []\nexcluding: [teleport]\n");
        assertThatThrownBy(() -> Profiles.load(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd.yaml").hasMessageContaining("line 4 at /specs").hasMessageContaining("line 5 at /excluding/0");
    }
}
