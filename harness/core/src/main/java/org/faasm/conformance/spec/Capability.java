package org.faasm.conformance.spec;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;

/**
 * A feature a spec may require and a backend may lack; a backend without it reports SKIP. Where the
 * host interface says it (the calls it takes), a backend has it exactly when it implements those
 * calls, whatever it declares ({@link #effective}); the others are what the backend declares.
 */
public enum Capability {
    MULTI_HOST("multi-host"),
    CHAIN_PTR("chain-ptr", FaasmImport.CHAIN_PTR),
    /** libfaasm's (id, char**, int*) ABI, which the import's name and type cannot tell from WAVM's (id, buffer, len). */
    AWAIT_CALL_OUTPUT("await-call-output"),
    STATE_OFFSET("state-offset", FaasmImport.WRITE_STATE_OFFSET, FaasmImport.READ_STATE_OFFSET, FaasmImport.READ_STATE_OFFSET_PTR),
    STATE_LOCKS("state-locks", FaasmImport.LOCK_STATE_READ, FaasmImport.LOCK_STATE_WRITE, FaasmImport.UNLOCK_STATE_READ,
            FaasmImport.UNLOCK_STATE_WRITE),
    STATE_DIRTY("state-dirty", FaasmImport.FLAG_STATE_DIRTY, FaasmImport.FLAG_STATE_OFFSET_DIRTY, FaasmImport.PUSH_STATE_PARTIAL,
            FaasmImport.PUSH_STATE_PARTIAL_MASK),
    CLEAR_APPENDED("clear-appended", FaasmImport.CLEAR_APPENDED_STATE),
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
    private final Set<FaasmImport> imports;

    Capability(String id, FaasmImport... imports) {
        this.id = id;
        this.imports = Set.of(imports);
    }

    public String id() {
        return id;
    }

    /** The calls that make up this capability; empty when the host interface cannot say it. */
    public Set<FaasmImport> imports() {
        return imports;
    }

    /**
     * What a backend can do: a capability the host interface says comes from the imports it implements
     * (so one that declares fewer than it has cannot silently turn specs into SKIPs), the others from its
     * declaration. A backend that names no imports is taken at its word.
     */
    public static Set<Capability> effective(Set<Capability> declared, Set<FaasmImport> implemented) {
        Set<Capability> effective = EnumSet.noneOf(Capability.class);
        for (Capability capability : values()) {
            boolean saidByImports = !capability.imports.isEmpty() && !implemented.isEmpty();
            if (saidByImports ? implemented.containsAll(capability.imports) : declared.contains(capability)) {
                effective.add(capability);
            }
        }
        return effective;
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
