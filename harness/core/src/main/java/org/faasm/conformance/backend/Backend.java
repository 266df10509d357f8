package org.faasm.conformance.backend;

import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.hostinterface.FaasmVm;

/**
 * One environment that can run Faasm functions. A new host-interface implementation plugs in by
 * implementing this and registering a {@link BackendProvider}.
 *
 * <p>{@link #run} may be interrupted when the spec's time is up; it must then stop promptly and
 * leave no thread behind.
 */
public interface Backend extends AutoCloseable {

    /** The column name in reports, e.g. {@code jvm}. */
    String name();

    /** What it runs on, e.g. {@code Chicory 1.7.5 (compiler)}. */
    String version();

    /**
     * The expectations file it is judged by ({@code specs/expectations/<name>.yaml}). A model of another
     * column shares that column's file, so the column's predicted failures are checked on every run.
     */
    default String expectationsName() {
        return name();
    }

    /** Whether it can run here at all; checked once per run. */
    Availability availability();

    Set<Capability> capabilities();

    /**
     * The Faasm VM whose results this backend's follow where the two differ (a spec's {@code vm} block);
     * WAVM, Faasm's default (faasm:src/conf/FaasmConfig.cpp:30), unless it says otherwise.
     */
    default FaasmVm vm() {
        return FaasmVm.WAVM;
    }

    /** The {@code __faasm_*} imports it implements, for the coverage report; empty when it does not say. */
    default Set<FaasmImport> implementedImports() {
        return Set.of();
    }

    /** The {@code wasi_snapshot_preview1} calls it implements, for the coverage report; empty when it does not say. */
    default Set<String> implementedWasiImports() {
        return Set.of();
    }

    /**
     * Gets ready for the run before its clock starts: starts what the backend runs on (a browser, a
     * cluster) and loads the run's modules, so the first spec is judged like any other. A module that
     * is missing or invalid is the spec's setup failing, reported here as an exception naming it.
     */
    default void prepare(RunRequest request) throws Exception {}

    /**
     * Runs the request's function with its input and given state; the observation of the entry message,
     * with the global state of the request's keys after it. The request is all a backend is given of a
     * spec: never what it expects.
     */
    Observation run(RunRequest request) throws Exception;

    @Override
    void close();
}
