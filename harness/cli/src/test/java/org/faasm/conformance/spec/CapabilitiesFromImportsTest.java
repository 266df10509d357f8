package org.faasm.conformance.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.testing.RenamedBackend;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A backend's capabilities that the host interface can say are checked against the imports it implements. */
class CapabilitiesFromImportsTest {
    private final ProjectLayout layout = ProjectLayout.locate();

    /** Each real backend's declaration agrees with its imports: deriving changes no verdict of theirs. */
    @ParameterizedTest
    @ValueSource(strings = {"jvm-wavm", "jvm-wamr", "browser", "faasm-api", "faasm-wavm", "faasm-wamr"})
    void declaredCapabilitiesAgreeWithImplementedImports(String name) {
        try (Backend backend = new Backends().create(name, new BackendConfig(layout.wasm()))) {
            assertThat(Capability.effective(backend.capabilities(), backend.implementedImports()))
                    .as(name + ": declared " + backend.capabilities()).isEqualTo(backend.capabilities());
        }
    }

    @Test
    void aBackendDeclaringFewerCapabilitiesThanItHasStillRunsTheirSpecs() throws Exception {
        Spec locks = spec("state/locks");
        assertThat(locks.requires()).contains(Capability.STATE_LOCKS);
        try (Backend jvm = new Backends().create("jvm-wavm", new BackendConfig(layout.wasm()));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(5))) {
            Backend underDeclaring = new RenamedBackend(jvm, "under-declaring") {
                @Override
                public Set<Capability> capabilities() {
                    return EnumSet.noneOf(Capability.class);
                }
            };
            Verdict verdict = runner.run(locks, underDeclaring);
            assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void aBackendWithoutTheCallsSkipsWhateverItDeclares() {
        Set<FaasmImport> withoutLocks = EnumSet.allOf(FaasmImport.class);
        withoutLocks.removeAll(Capability.STATE_LOCKS.imports());
        assertThat(Capability.effective(EnumSet.allOf(Capability.class), withoutLocks))
                .doesNotContain(Capability.STATE_LOCKS).contains(Capability.STATE_OFFSET, Capability.AWAIT_CALL_OUTPUT);
        assertThat(Capability.effective(EnumSet.of(Capability.STATE_LOCKS), Set.of()))
                .as("a backend that names no imports is taken at its word").containsExactly(Capability.STATE_LOCKS);
    }

    private Spec spec(String id) {
        return new SpecSelector(List.of(id), List.of()).select(SpecCatalog.load(layout.specs()).specs()).get(0);
    }
}
