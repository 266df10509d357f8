package org.faasm.conformance.spec;

import java.util.Arrays;

/** A feature a spec may require and a backend may lack; a backend without it reports SKIP. */
public enum Capability {
    MULTI_HOST("multi-host"),
    CHAIN_PTR("chain-ptr"),
    AWAIT_CALL_OUTPUT("await-call-output"),
    STATE_OFFSET("state-offset"),
    STATE_LOCKS("state-locks"),
    STATE_DIRTY("state-dirty"),
    CLEAR_APPENDED("clear-appended"),
    /** stdout and stderr seen apart from the output; without it a spec's stdio expectations are not checked (and the verdict says so). */
    CAPTURED_STDIO("captured-stdio"),
    /**
     * The harness's own diagnostics: the engine's error text when a message fails, and a host-call
     * trace. Without it a spec's {@code diagnostics} are not checked; a real Faasm cluster has none.
     */
    DIAGNOSTICS("diagnostics"),
    /** Runs an entry in a browser (a spec with {@code placement.entry: browser} requires it without saying so). */
    BROWSER_ENTRY("browser-entry");

    private final String id;

    Capability(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Capability fromId(String id) {
        return Arrays.stream(values())
                .filter(c -> c.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown capability " + id));
    }
}
