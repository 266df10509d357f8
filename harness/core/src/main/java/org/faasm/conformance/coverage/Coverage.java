package org.faasm.conformance.coverage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.run.BackendInfo;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.SpecOutcome;
import org.faasm.conformance.verdict.Verdict;

/**
 * Host-interface coverage of a run: every {@code __faasm_*} import × backend (implemented or not)
 * with how many specs exercise it, and per spec the imports it touches; and the same for every WASI
 * call some backend implements.
 *
 * @param specs by spec id, in run order
 * @param wasi by name, every WASI call a backend of the run implements or some spec called
 */
public record Coverage(List<ImportCoverage> imports, Map<String, SpecImports> specs, List<WasiCoverage> wasi) {

    public static Coverage of(RunResult run, ModuleImports modules) {
        Map<String, SpecImports> specs = new LinkedHashMap<>();
        Map<String, Integer> wasiCallers = new TreeMap<>();
        run.backends().forEach(b -> b.implementedWasiImports().forEach(name -> wasiCallers.put(name, 0)));
        for (SpecOutcome outcome : run.outcomes()) {
            Set<String> wasiCalled = new HashSet<>();
            outcome.verdicts().forEach(v -> v.observation().ifPresent(o -> collectWasi(o, wasiCalled)));
            wasiCalled.forEach(name -> wasiCallers.merge(name, 1, Integer::sum));
            Set<FaasmImport> declared = EnumSet.noneOf(FaasmImport.class);
            Set<FaasmImport> called = EnumSet.noneOf(FaasmImport.class);
            declared.addAll(modules.of(outcome.spec().function()));
            for (Verdict verdict : outcome.verdicts()) {
                verdict.observation().ifPresent(o -> collect(o, modules, declared, called));
            }
            specs.put(outcome.spec().id(), new SpecImports(Set.copyOf(declared), Set.copyOf(called)));
        }
        List<ImportCoverage> imports = new ArrayList<>();
        for (FaasmImport hostImport : FaasmImport.values()) {
            List<String> implementedBy = run.backends().stream()
                    .filter(b -> b.implementedImports().contains(hostImport)).map(BackendInfo::name).toList();
            int calling = (int) specs.values().stream().filter(s -> s.called().contains(hostImport)).count();
            int importing = (int) specs.values().stream().filter(s -> s.declared().contains(hostImport)).count();
            imports.add(new ImportCoverage(hostImport, implementedBy, calling, importing));
        }
        List<WasiCoverage> wasi = new ArrayList<>();
        wasiCallers.forEach((name, calling) -> wasi.add(new WasiCoverage(name, run.backends().stream()
                .filter(b -> b.implementedWasiImports().contains(name)).map(BackendInfo::name).toList(), calling)));
        return new Coverage(List.copyOf(imports), specs, List.copyOf(wasi));
    }

    public List<ImportCoverage> gaps() {
        return imports.stream().filter(ImportCoverage::gap).toList();
    }

    /**
     * WASI calls in a call tree's traces: the browser names them with their module, the jvm without (and
     * names any other unknown import module.name, as the browser does).
     */
    private static void collectWasi(Observation message, Set<String> called) {
        message.trace().stream().map(HostCall::name)
                .map(name -> name.startsWith(WasiCoverage.MODULE + ".") ? name.substring(WasiCoverage.MODULE.length() + 1) : name)
                .filter(name -> !name.contains(".") && FaasmImport.byName(name).isEmpty())
                .forEach(called::add);
        message.chained().forEach(child -> collectWasi(child, called));
    }

    private static void collect(Observation message, ModuleImports modules, Set<FaasmImport> declared, Set<FaasmImport> called) {
        declared.addAll(modules.of(message.function()));
        message.trace().stream().map(HostCall::name).map(FaasmImport::byName).flatMap(Optional::stream).forEach(called::add);
        message.chained().forEach(child -> collect(child, modules, declared, called));
    }
}
