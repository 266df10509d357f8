package org.faasm.conformance.observe;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The kinds of result a Faasm message reports, told apart by its return value and output alone
 * (reference §2.1): what a real cluster shows, whatever the backend saw inside.
 */
public enum FaasmResult {
    /** Return value 0: the guest's own output. */
    RETURNED,
    /**
     * A non-zero return value, the output replaced by "Call failed (return value=N)"
     * (faasm:src/wasm/WasmModule.cpp:408-413): a non-zero exit, or a trap WAVM caught.
     */
    CALL_FAILED,
    /** "Task <id> threw exception. What: …" (faabric:src/executor/Executor.cpp:445-448): a host error, a trap on WAMR. */
    THREW,
    /** "Error trying to claim executor": no such function. */
    NOT_FOUND;

    private static final Pattern THREW_TEXT = Pattern.compile("(?s)Task \\d+ threw exception\\. What: .*");

    public static FaasmResult of(int returnValue, byte[] output) {
        if (returnValue == 0) {
            return RETURNED;
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (THREW_TEXT.matcher(text).matches()) {
            return THREW;
        }
        return text.equals("Error trying to claim executor") ? NOT_FOUND : CALL_FAILED;
    }
}
