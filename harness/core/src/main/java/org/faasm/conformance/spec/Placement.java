package org.faasm.conformance.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a spec's messages run. By default the entry runs on the backend under test and chained
 * calls run in place (wherever their caller runs); a cross-environment spec pins them, e.g. an entry
 * in the browser whose chained calls go to the cluster.
 *
 * @param entry where the entry message runs; empty for the backend under test
 */
public record Placement(Optional<Entry> entry, Chained chained) {
    public static final Placement DEFAULT = new Placement(Optional.empty(), Chained.IN_PLACE);

    public enum Entry {
        BROWSER("browser"),
        JVM("jvm");

        private final String id;

        Entry(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Entry fromId(String id) {
            return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown entry placement " + id));
        }
    }

    public enum Chained {
        /** A fresh instance where the caller runs, sharing its host's local state tier. */
        IN_PLACE("in-place"),
        /** Submitted to the cluster through its planner. */
        CLUSTER("cluster");

        private final String id;

        Chained(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Chained fromId(String id) {
            return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown chained placement " + id));
        }
    }
}
