package org.faasm.conformance.jvm;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmImport;

/** The {@code __faasm_*} calls the jvm backend implements, bound to one message. */
public final class FaasmHost {
    /** Every import with a Java implementation (for coverage and capability reports). */
    public static final Set<FaasmImport> IMPLEMENTED = Set.copyOf(bodies(null).keySet());

    private FaasmHost() {}

    static Map<FaasmImport, HostCallBody> bodies(MessageContext context) {
        Map<FaasmImport, HostCallBody> bodies = new EnumMap<>(FaasmImport.class);
        bodies.putAll(new IoCalls(context).calls());
        bodies.putAll(new ChainingCalls(context).calls());
        bodies.putAll(new StateCalls(context).calls());
        bodies.putAll(new DebugCalls().calls());
        return bodies;
    }
}
