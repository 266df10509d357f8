package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.faasm.conformance.hostinterface.FaasmImport;

/** The {@code __faasm_*} calls the jvm backend implements, bound to one message. */
public final class FaasmHost {
    /** Every import with a Java implementation (for coverage and capability reports). */
    public static final Set<FaasmImport> IMPLEMENTED = Set.copyOf(bodies(null).keySet());

    /** The {@code wasi_snapshot_preview1} calls it binds: Chicory's WasiPreview1 (for the coverage report). */
    public static final Set<String> WASI_IMPLEMENTED = wasiNames();

    private FaasmHost() {}

    private static Set<String> wasiNames() {
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(WasiOptions.builder().build()).build()) {
            return Arrays.stream(wasi.toHostFunctions()).map(HostFunction::name).collect(Collectors.toUnmodifiableSet());
        }
    }

    static Map<FaasmImport, HostCallBody> bodies(MessageContext context) {
        Map<FaasmImport, HostCallBody> bodies = new EnumMap<>(FaasmImport.class);
        bodies.putAll(new IoCalls(context).calls());
        bodies.putAll(new ChainingCalls(context).calls());
        bodies.putAll(new StateCalls(context).calls());
        bodies.putAll(new DebugCalls().calls());
        return bodies;
    }
}
