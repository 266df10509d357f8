package org.faasm.conformance.bench;

import java.util.Arrays;
import java.util.Locale;

/** The places a kernel can run; the bench prints one column per engine, in this order. */
public enum Engine {
    NATIVE("native", "native"),
    V8("v8", "V8 (node)"),
    CHICORY_COMPILER("chicory-compiler", "Chicory compiler"),
    GRAALWASM("graalwasm", "GraalWasm"),
    CHICORY_INTERPRETER("chicory-interpreter", "Chicory interp");

    private final String id;
    private final String title;

    Engine(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Stable identifier used on the command line and as the JSON key. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Engine byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(e -> e.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown engine '" + id + "' (known: " + Arrays.toString(ids()) + ")"));
    }

    static String[] ids() {
        return Arrays.stream(values()).map(Engine::id).toArray(String[]::new);
    }
}
