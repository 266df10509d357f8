package org.faasm.conformance.testing;

import java.util.Set;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.backend.RunRequest;

/** A backend under another name: a second column that should agree with the first in every spec. */
public class RenamedBackend implements Backend {
    private final Backend delegate;
    private final String name;

    public RenamedBackend(Backend delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    /** A column that cannot run here (as the real-Faasm ones without Docker), saying why. */
    public static Backend unavailable(Backend delegate, String name, String reason) {
        return new RenamedBackend(delegate, name) {
            @Override
            public Availability availability() {
                return Availability.no(reason);
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public Availability availability() {
        return delegate.availability();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public FaasmVm vm() {
        return delegate.vm();
    }

    @Override
    public void prepare(RunRequest request) throws Exception {
        delegate.prepare(request);
    }

    @Override
    public Set<FaasmImport> implementedImports() {
        return delegate.implementedImports();
    }

    @Override
    public Observation run(RunRequest request) throws Exception {
        return delegate.run(request);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
