package org.faasm.conformance.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;

/**
 * The backends of one run, opened together: each one's availability is asked once, and when it was
 * opened and closed is kept for the report.
 */
public final class BackendPool implements AutoCloseable {
    private final List<Member> members = new ArrayList<>();

    /** Takes ownership of the backends; they are closed with the pool. */
    public static BackendPool of(List<Backend> backends) {
        BackendPool pool = new BackendPool();
        for (Backend backend : backends) {
            pool.members.add(new Member(backend, backend.availability(), Instant.now()));
        }
        return pool;
    }

    public static BackendPool create(Backends registry, BackendConfig config, List<String> names) {
        List<Backend> backends = new ArrayList<>();
        try {
            names.forEach(name -> backends.add(registry.create(name, config)));
        } catch (RuntimeException e) {
            backends.forEach(Backend::close);
            throw e;
        }
        return of(backends);
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    public int size() {
        return members.size();
    }

    /** What the report says about each backend; a backend still open shows the present as its end. */
    public List<BackendInfo> infos() {
        return members.stream().map(m -> new BackendInfo(m.backend.name(), m.version(), m.backend.vm(), m.backend.expectationsName(),
                m.availability.available(),
                m.availability.reason(), m.backend.implementedImports(), m.backend.implementedWasiImports(), m.opened,
                m.closed == null ? Instant.now() : m.closed)).toList();
    }

    @Override
    public void close() {
        for (Member member : members) {
            if (member.closed == null) {
                // Asked before closing: a backend knows its version best while running (e.g. Chromium's).
                member.closedVersion = member.backend.version();
                member.backend.close();
                member.closed = Instant.now();
            }
        }
    }

    /** One backend with what was learnt about it when it was opened. */
    public static final class Member {
        private final Backend backend;
        private final Availability availability;
        private final Instant opened;
        private Instant closed;
        private String closedVersion;

        private Member(Backend backend, Availability availability, Instant opened) {
            this.backend = backend;
            this.availability = availability;
            this.opened = opened;
        }

        public Backend backend() {
            return backend;
        }

        private String version() {
            return closedVersion != null ? closedVersion : backend.version();
        }

        public Availability availability() {
            return availability;
        }
    }
}
