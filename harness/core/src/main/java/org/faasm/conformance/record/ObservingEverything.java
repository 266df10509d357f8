package org.faasm.conformance.record;

import java.util.EnumSet;
import java.util.Set;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;

/**
 * A backend that, for recording, is also given the specs needing what its Faasm VM does not do (on WAMR: offset
 * state, locks, dirty flags, clearing appended state). Faasm still runs such a function, and what it does with the
 * calls its VM leaves unlinked is worth keeping; the capabilities the backend itself lacks (seeding files, several
 * hosts, stdout) stay lacking, since running those specs would observe the harness, not the host.
 */
public final class ObservingEverything implements Backend {
    private final Backend backend;

    public ObservingEverything(Backend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public String version() {
        return backend.version();
    }

    @Override
    public String expectationsName() {
        return backend.expectationsName();
    }

    @Override
    public Availability availability() {
        return backend.availability();
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        capabilities.addAll(backend.capabilities());
        capabilities.addAll(Capability.unsupportedOn(backend.vm()));
        return capabilities;
    }

    /** Every call, so that no spec is left out for a call the VM leaves unlinked (capabilities say the rest). */
    @Override
    public Set<FaasmImport> implementedImports() {
        return EnumSet.allOf(FaasmImport.class);
    }

    @Override
    public Set<String> implementedWasiImports() {
        return backend.implementedWasiImports();
    }

    @Override
    public FaasmVm vm() {
        return backend.vm();
    }

    @Override
    public void prepare(RunRequest request) throws Exception {
        backend.prepare(request);
    }

    @Override
    public Observation run(RunRequest request) throws Exception {
        return backend.run(request);
    }

    @Override
    public void close() {
        backend.close();
    }
}
