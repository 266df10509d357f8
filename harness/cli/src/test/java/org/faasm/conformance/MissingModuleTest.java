package org.faasm.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Expectation;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A spec whose module does not exist is the spec's setup failing: one verdict, one message, on every backend that can run. */
class MissingModuleTest {
    private static final Path WASM = ProjectLayout.locate().wasm();

    @ParameterizedTest
    @ValueSource(strings = {"jvm-wavm", "jvm-wamr", "faasm-api", "browser"})
    void aMissingModuleIsAnErrorNamingItsFile(String name) {
        Spec spec = new Spec("test/missing", Path.of("missing.yaml"), "", "no_such_module", new byte[0], "", 1, Optional.empty(),
                Map.of(), Set.of(), Expectation.NOTHING, List.of());
        try (Backend backend = new Backends().create(name, new BackendConfig(WASM));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(30))) {
            assumeTrue(backend.availability().available(), backend.availability().reason());
            Verdict verdict = runner.run(spec, backend);
            assertThat(verdict.status()).isEqualTo(Status.ERROR);
            assertThat(verdict.message()).contains("no module for function 'no_such_module': "
                    + WASM.resolve("no_such_module.wasm") + " does not exist");
        }
    }
}
