package org.faasm.conformance.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.faasm.conformance.faasm.FaasmApiBackend;
import org.faasm.conformance.faasm.RecordedClusterBackend;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.jvm.ChainedCallTimeout;
import org.faasm.conformance.jvm.Engine;
import org.faasm.conformance.jvm.JvmBackend;
import org.faasm.conformance.jvm.RunLimits;
import org.faasm.conformance.mutation.JvmMutantHook;
import org.faasm.conformance.mutation.MutantCatalogue;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.junit.jupiter.api.Test;

/**
 * The models held to what a real Faasm did (specs/recorded/faasm-wamr/, recorded on a native Faasm 0.29 cluster on
 * WAMR): jvm-wamr on every spec with a fresh recording, and the strict embedded cluster (faasm-api, which runs its
 * guests as WAVM) on the specs whose expectations are the same on both VMs. A difference no entry of
 * differences.yaml explains fails, naming the spec and the field; so does an entry whose difference is gone.
 */
class RecordedModelsTest {
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();
    private static final RecordingStore STORE = new RecordingStore(RecordedClusterBackend.folder(LAYOUT.specs(), FaasmVm.WAMR));
    private static final List<Spec> SPECS = SpecCatalog.load(LAYOUT.specs()).specs();
    private static final ModuleImports IMPORTS = new ModuleImports(LAYOUT.wasm());

    @Test
    void atLeastNineInTenSpecsAreRecordedAndTheRestSayWhyNot() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(STORE.folder().resolve("recorded.json").toFile());
        long recorded = SPECS.stream().filter(spec -> found(spec.id())).count();
        assertThat(recorded).as("specs with a recording of %s", summary.path("version").asText()).isGreaterThanOrEqualTo(SPECS.size() * 9L / 10);
        String notRecorded = summary.path("runs").findValues("notRecorded").toString();
        for (Spec spec : SPECS) {
            if (!found(spec.id())) {
                assertThat(notRecorded).as("why %s is not recorded", spec.id()).contains("\"" + spec.id() + ":");
            }
        }
    }

    /** A recording is what Faasm did, not what the machine around it did: no spec was recorded while the cluster was down. */
    @Test
    void noRecordingIsOfAClusterThatWasDown() throws Exception {
        for (Spec spec : SPECS) {
            java.util.Optional<Recording> recording = STORE.find(spec.id());
            if (recording.isPresent()) {
                assertThat(recording.get().message()).as(spec.id()).doesNotContain("cannot reach");
            }
        }
    }

    @Test
    void jvmWamrDoesWhatTheRealClusterDid() throws Exception {
        ModelCheck.Result result = check(jvmWamr(), spec -> true);
        assertThat(result.compared()).as("specs compared").hasSizeGreaterThanOrEqualTo(SPECS.size() / 2);
        assertHolds(result);
    }

    @Test
    void theStrictEmbeddedClusterDoesWhatTheRealClusterDidWhereTheVmsAgree() throws Exception {
        try (FaasmApiBackend cluster = new FaasmApiBackend(LAYOUT.wasm())) {
            ModelCheck.Result result = check(cluster, RecordedModelsTest::alikeOnBothVms);
            assertThat(result.compared()).as("specs compared").hasSizeGreaterThanOrEqualTo(SPECS.size() / 3);
            assertHolds(result);
        }
    }

    /** The check can fail: jvm-wamr with read_input ignoring its buffer's length contradicts the recording of io/input_partial. */
    @Test
    void aModelChangeThatContradictsARecordingFailsNamingTheSpecAndTheField() throws Exception {
        try (JvmBackend changed = jvmWamr()) {
            changed.hook(new JvmMutantHook(MutantCatalogue.load().stream().filter(m -> m.id().equals("read-input-ignores-buflen")).findFirst().orElseThrow()));
            ModelCheck.Result result = check(changed, spec -> spec.id().startsWith("io/"));
            assertThat(result.holds()).isFalse();
            assertThat(result.unexplained()).anySatisfy(d -> assertThat(d.toString()).startsWith("io/input_partial: output: recorded"));
        }
    }

    /**
     * Whether Faasm's two VMs are to run the spec alike: no per-VM expectation, no capability either VM lacks, and no
     * call in its modules that either VM leaves unlinked; only on those can a WAVM model be held to a WAMR recording.
     */
    private static boolean alikeOnBothVms(Spec spec) {
        Set<Capability> eitherLacks = EnumSet.noneOf(Capability.class);
        eitherLacks.addAll(Capability.unsupportedOn(FaasmVm.WAVM));
        eitherLacks.addAll(Capability.unsupportedOn(FaasmVm.WAMR));
        Set<FaasmImport> imported = EnumSet.noneOf(FaasmImport.class);
        spec.namedFunctions().forEach(function -> imported.addAll(IMPORTS.of(function)));
        return spec.perVm().isEmpty() && Collections.disjoint(spec.requires(), eitherLacks)
                && FaasmVm.WAVM.imports().containsAll(imported) && FaasmVm.WAMR.imports().containsAll(imported);
    }

    private static ModelCheck.Result check(org.faasm.conformance.backend.Backend model, Predicate<Spec> applies) throws Exception {
        return ModelCheck.check(SPECS, applies, STORE, FaasmVm.WAMR, LAYOUT.wasm(), RecordedClusterBackend.HELPERS, model,
                SpecRunner.DEFAULT_TIMEOUT);
    }

    private static void assertHolds(ModelCheck.Result result) {
        System.out.println(result.model() + " held to the recordings: " + result.compared().size() + " specs compared, "
                + (result.compared().size() - result.explained().size() - result.unexplained().stream().map(ModelCheck.Difference::spec).distinct().count())
                + " agree, " + result.explained().size() + " differ as differences.yaml says, " + result.notCompared().size() + " not compared");
        assertThat(result.unexplained()).as("%s differs from the real cluster where differences.yaml says nothing", result.model()).isEmpty();
        assertThat(result.gone()).as("entries of differences.yaml for %s whose difference is gone: remove them", result.model()).isEmpty();
    }

    private static boolean found(String spec) {
        try {
            return STORE.find(spec).isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JvmBackend jvmWamr() {
        return new JvmBackend("jvm-wamr", FaasmVm.WAMR, ChainedCallTimeout.FAASM, RunLimits.DEFAULT, LAYOUT.wasm(), Engine.COMPILER,
                JvmBackend.DEFAULT_MEMORY_CAP_PAGES);
    }
}
