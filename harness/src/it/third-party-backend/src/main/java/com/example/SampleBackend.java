package com.example;

import java.util.Set;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;

/**
 * A third party's backend, as it plugs into the harness: here it hands each run request to an engine
 * of its own choosing (the harness's jvm engine stands in for one), and declares what it can do.
 */
public final class SampleBackend implements Backend {
    private final Backend engine;

    SampleBackend(Backend engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String version() {
        return "sample 1.0 on " + engine.version();
    }

    @Override
    public String expectationsName() {
        return "faasm-wavm";
    }

    @Override
    public Availability availability() {
        return engine.availability();
    }

    @Override
    public Set<Capability> capabilities() {
        return engine.capabilities();
    }

    @Override
    public void prepare(RunRequest request) throws Exception {
        engine.prepare(request);
    }

    @Override
    public Observation run(RunRequest request) throws Exception {
        return engine.run(request);
    }

    @Override
    public void close() {
        engine.close();
    }
}
