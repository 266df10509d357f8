package org.faasm.conformance.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecSelector;

/**
 * What the suite and cold-start sections share: the real spec catalog, loaded once, and a way to
 * make a fresh backend of the chosen kind over the project's modules.
 */
final class SuiteSections {

    private final SpecCatalog catalog;
    private final Supplier<Backend> backends;
    private final Duration timeout;
    private final PrintStream progress;

    SuiteSections(ProjectLayout project, String backend, Duration timeout, PrintStream progress) {
        this.catalog = SpecCatalog.load(project.specs());
        Backends registry = new Backends();
        BackendConfig config = new BackendConfig(project.wasm());
        if (!registry.names().contains(backend)) {
            // Checked by name: creating one here would warm the JVM before the cold start is timed.
            throw new IllegalArgumentException("unknown backend '" + backend + "'; known: " + registry.names());
        }
        this.backends = () -> registry.create(backend, config);
        this.timeout = timeout;
        this.progress = progress;
    }

    BenchSection overhead(List<String> idGlobs, int passes) {
        return overhead(idGlobs, passes, SectionId.SUITE.id(), SuiteOverheadBench.BUDGET);
    }

    /** The same measurement as its own section, judged by {@code budget}. */
    BenchSection overhead(List<String> idGlobs, int passes, String sectionId, Budget budget) {
        List<Spec> specs = new SpecSelector(idGlobs, List.of()).select(catalog.specs());
        String selection = idGlobs.isEmpty() ? "the whole suite" : String.join(",", idGlobs);
        if (!catalog.errors().isEmpty()) {
            // Those specs cannot be timed; say so rather than let the count quietly shrink.
            selection += " (" + catalog.errors().size() + " load error(s) in specs/: those files are not timed)";
        }
        return new SuiteOverheadBench(backends, timeout, passes, progress, sectionId, budget).run(specs, selection);
    }

    BenchSection coldStart(String specId, int runs) {
        Spec spec = catalog.specs().stream().filter(s -> s.id().equals(specId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no spec '" + specId + "' in " + catalog.root()));
        return new ColdStartBench(backends, timeout, runs, progress).run(spec, ColdStartBench.claimFirst());
    }
}
