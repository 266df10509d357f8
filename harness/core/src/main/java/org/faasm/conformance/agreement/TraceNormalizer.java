package org.faasm.conformance.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.hostinterface.ArgKind;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.observe.HostCall;

/**
 * Makes one message's trace comparable across backends. Only {@code __faasm_*} calls are kept: WASI
 * comes from a different library on each backend, and its effects show in output and stdout anyway.
 * Values the host chooses freely are renamed by order of appearance: message ids (returned by the
 * chain calls and passed back to the await calls) become {@code id#1, id#2…}, pointers returned by
 * the host become {@code ptr#1…}. Errors are compared by category, never by message text.
 */
final class TraceNormalizer {
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> pointers = new HashMap<>();

    private TraceNormalizer() {}

    static List<NormalizedCall> normalize(List<HostCall> trace) {
        TraceNormalizer normalizer = new TraceNormalizer();
        List<NormalizedCall> calls = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            int index = i;
            FaasmImport.byName(trace.get(i).name())
                    .ifPresent(known -> calls.add(new NormalizedCall(normalizer.normalize(known, trace.get(index)), index)));
        }
        return calls;
    }

    private HostCall normalize(FaasmImport known, HostCall call) {
        List<String> args = new ArrayList<>(call.arguments().size());
        for (int i = 0; i < call.arguments().size(); i++) {
            String arg = call.arguments().get(i);
            boolean isId = i < known.params().size() && known.params().get(i) == ArgKind.CALL_ID;
            // An id this message never got from the host is the guest's own number: keep it.
            args.add(isId ? ids.getOrDefault(arg, arg) : arg);
        }
        return new HostCall(call.name(), args, result(known, call.result()));
    }

    private String result(FaasmImport known, String result) {
        if (result == null) {
            return null;
        }
        if (result.startsWith("error")) {
            return "error";
        }
        return switch (known) {
            case CHAIN_NAME, CHAIN_PTR, CHAIN_PY -> rename(ids, "id#", result);
            case READ_STATE_PTR, READ_STATE_OFFSET_PTR -> rename(pointers, "ptr#", result);
            default -> result;
        };
    }

    private static String rename(Map<String, String> names, String prefix, String value) {
        return Optional.ofNullable(names.get(value)).orElseGet(() -> {
            String name = prefix + (names.size() + 1);
            names.put(value, name);
            return name;
        });
    }
}
