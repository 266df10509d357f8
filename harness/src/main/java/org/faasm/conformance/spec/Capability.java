package org.faasm.conformance.spec;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmVm;

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
    BROWSER_ENTRY("browser-entry"),
    /**
     * Ends a chain that never stops at the harness's run limits, failing the call past them as a host
     * error ({@code jvm.RunLimits}); a real Faasm cluster leaves such a call unscheduled once its slots
     * run out, and must not be given a chain bomb.
     */
    BOUNDED_CHAINING("bounded-chaining"),
    /**
     * Files under the runtime root that the harness seeds from a spec's {@code given.files} and reads back
     * for its {@code expect.files}, and shared files expected absent (a spec naming such files requires it
     * without saying so). Faasm's API can neither seed nor read a worker's runtime root, and its file
     * endpoint dies on a missing shared file, so a cluster reached only through it lacks this.
     */
    FILES("files"),
    /**
     * Shared files ({@code faasm://…}) given before the run and read back after it, as Faasm's file
     * endpoint uploads and downloads them (a spec naming shared files requires it without saying so).
     */
    SHARED_FILES("shared-files");

    private final String id;

    Capability(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * What specs may require that a Faasm VM cannot do (reference §1.7, §2.6): WAMR links no offset-state,
     * lock, dirty-flag or clear_appended calls; WAVM's await_call_output is not libfaasm's ABI.
     */
    public static Set<Capability> unsupportedOn(FaasmVm vm) {
        return vm == FaasmVm.WAMR ? EnumSet.of(STATE_OFFSET, STATE_LOCKS, STATE_DIRTY, CLEAR_APPENDED) : EnumSet.of(AWAIT_CALL_OUTPUT);
    }

    public static Capability fromId(String id) {
        return Arrays.stream(values())
                .filter(c -> c.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown capability " + id));
    }
}
