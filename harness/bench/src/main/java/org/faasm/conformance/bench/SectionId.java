package org.faasm.conformance.bench;

import java.util.Arrays;
import java.util.Locale;

/** The sections {@code bench --sections} can run, in the order they are printed and written. */
public enum SectionId {
    KERNELS("kernels"),
    SUITE("suite"),
    COLD_START("cold-start"),
    BROWSER_SUITE("browser-suite"),
    BROWSER_CHAIN("browser-chain"),
    BROWSER_STATE("browser-state");

    private final String id;

    SectionId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SectionId byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown section '" + id + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(SectionId::id).toList())));
    }
}
