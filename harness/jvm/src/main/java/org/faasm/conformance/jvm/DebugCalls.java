package org.faasm.conformance.jvm;

import static org.faasm.conformance.hostinterface.FaasmImport.BACKTRACE;

import java.util.Map;
import org.faasm.conformance.hostinterface.FaasmImport;

/**
 * Debugging calls. WAVM's {@code __faasm_backtrace} prints the call stack to the worker's own stdout
 * and returns, so the guest sees nothing (faasm:src/wavm/faasm.cpp:532-555); the call stays in the
 * message's trace.
 */
final class DebugCalls {
    Map<FaasmImport, HostCallBody> calls() {
        return Map.of(BACKTRACE, args -> null);
    }
}
