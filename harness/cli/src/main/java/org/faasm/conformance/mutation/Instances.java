package org.faasm.conformance.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.run.SpecJudge;

/**
 * Instances of one backend for a {@link MutationRun}: the one given, and more of it up to one per core
 * ({@link SpecJudge#LANES}), each its own host with its own seam. The extra ones are this object's to
 * close; the first stays the caller's. An extra one that is not available is closed and left out.
 */
public final class Instances implements AutoCloseable {
    private final List<Backend> all = new ArrayList<>();

    private Instances(Backend first) {
        all.add(first);
    }

    public static Instances of(Backend first, Supplier<Backend> more) {
        Instances instances = new Instances(first);
        try {
            for (int i = 1; i < SpecJudge.LANES; i++) {
                Backend extra = more.get();
                if (MutationRun.mutable(extra)) {
                    instances.all.add(extra);
                } else {
                    extra.close();
                }
            }
        } catch (RuntimeException e) {
            instances.close();
            throw e;
        }
        return instances;
    }

    public List<Backend> all() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        all.subList(1, all.size()).forEach(Backend::close);
    }
}
