package org.faasm.conformance.mutation;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.jvm.HostCallHook;

/**
 * A mutant seeded into the jvm host: the catalogue's operators applied at the host-call boundary
 * (browser/mutants.mjs is the same for the browser's host). Memory a mutant keeps (the first id, a
 * remembered write_state) lives per message.
 */
public final class JvmMutantHook implements HostCallHook {
    private static final String WASI_MODULE = "wasi_snapshot_preview1";
    private static final long TWO_TO_32 = 1L << 32;

    private final Mutant mutant;
    private final Optional<String> aliasBefore;

    public JvmMutantHook(Mutant mutant) {
        this.mutant = mutant;
        this.aliasBefore = mutant.calls().values().stream().filter(op -> op.has("alias"))
                .map(op -> op.get("alias").path("before").asText()).findFirst();
    }

    @Override
    public Decorator forMessage(Function<String, Optional<WasmFunctionHandle>> faasmCall) {
        PerMessage memory = new PerMessage(faasmCall);
        return (module, name, handle) -> {
            boolean known = FaasmImport.MODULE.equals(module) || WASI_MODULE.equals(module);
            JsonNode op = known ? mutant.calls().get(name) : null;
            WasmFunctionHandle mutated = op == null ? handle : (instance, args) -> memory.apply(name, op, handle, instance, args);
            if (aliasBefore.isEmpty() || !name.contains(aliasBefore.get())) {
                return mutated;
            }
            return (instance, args) -> {
                memory.reapplyAlias(instance);
                return mutated.apply(instance, args);
            };
        };
    }

    /** What the mutant remembers within one message. */
    private static final class PerMessage {
        private final Function<String, Optional<WasmFunctionHandle>> faasmCall;
        private final Map<String, long[]> firstResults = new HashMap<>();
        private WasmFunctionHandle aliased;
        private long[] aliasedArgs;
        /** Mapped regions (pointer, length) that recordMapping saw, which staleMapping keeps as they were. */
        private final List<int[]> mappings = new ArrayList<>();

        PerMessage(Function<String, Optional<WasmFunctionHandle>> faasmCall) {
            this.faasmCall = faasmCall;
        }

        void reapplyAlias(Instance instance) {
            if (aliased != null) {
                aliased.apply(instance, aliasedArgs);
            }
        }

        long[] apply(String name, JsonNode op, WasmFunctionHandle handle, Instance instance, long[] args) {
            if (op.has("when") && !holds(op.get("when"), args)) {
                return handle.apply(instance, args);
            }
            String kind = operator(op);
            JsonNode p = op.get(kind);
            Memory memory = instance.memory();
            switch (kind) {
                case "return":
                    handle.apply(instance, args);
                    return new long[] {p.asLong()};
                case "returnArg":
                    handle.apply(instance, args);
                    return new long[] {args[p.asInt()]};
                case "returnAdd":
                    return new long[] {(int) (handle.apply(instance, args)[0] + p.asLong())};
                case "skip":
                    return result(name, p);
                case "keyOnly":
                    if (cStringLength(memory, (int) args[0], -1) < 0) {
                        throw new ChicoryException(name + ": string at 0x" + Integer.toHexString((int) args[0]) + " runs off the end of memory");
                    }
                    return result(name, p);
                case "arg":
                    return handle.apply(instance, rewritten(p, args, memory));
                case "twice": {
                    long[] first = handle.apply(instance, args);
                    handle.apply(instance, args);
                    return first;
                }
                case "once":
                    return firstResults.putIfAbsent(name, new long[0]) == null ? handle.apply(instance, args) : result(name, p);
                case "sticky": {
                    long[] result = handle.apply(instance, args);
                    return firstResults.computeIfAbsent(name, n -> result);
                }
                case "ignoreErrors":
                    try {
                        return handle.apply(instance, args);
                    } catch (WasiExitException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw e;
                        }
                        return result(name, p);
                    }
                case "swap":
                    return faasmCall.apply(p.asText()).orElseThrow(() -> new IllegalStateException("no call " + p.asText()))
                            .apply(instance, args);
                case "scaleU64": {
                    long[] result = handle.apply(instance, args);
                    int at = (int) args[p.get("ptr").asInt()];
                    long value = memory.readLong(at);
                    memory.writeLong(at, p.has("factor") ? value * p.get("factor").asLong() : value / p.get("divisor").asLong());
                    return result;
                }
                case "restoreOut": {
                    int ptr = (int) args[p.get("ptr").asInt()];
                    int length = (int) args[p.get("len").asInt()];
                    if (!inMemory(ptr, length, memory)) {
                        return handle.apply(instance, args);
                    }
                    byte[] before = memory.readBytes(ptr, length);
                    long[] result = handle.apply(instance, args);
                    memory.write(ptr, before);
                    return result;
                }
                case "fillOut": {
                    long[] result = handle.apply(instance, args);
                    byte[] fill = new byte[(int) args[p.get("len").asInt()]];
                    Arrays.fill(fill, (byte) p.get("byte").asInt());
                    memory.write((int) args[p.get("ptr").asInt()], fill);
                    return result;
                }
                case "setI32Out": {
                    long[] result = handle.apply(instance, args);
                    memory.writeI32((int) args[p.get("ptr").asInt()], p.get("value").asInt());
                    return result;
                }
                case "alias":
                    aliased = handle;
                    aliasedArgs = args.clone();
                    return handle.apply(instance, args);
                case "moveResult": {
                    int from = (int) handle.apply(instance, args)[0];
                    int to = from + p.get("by").asInt();
                    memory.write(to, memory.readBytes(from, (int) args[p.get("len").asInt()]));
                    return new long[] {to};
                }
                case "recordMapping": {
                    long[] result = handle.apply(instance, args);
                    mappings.add(new int[] {(int) result[0], (int) args[p.get("len").asInt()]});
                    return result;
                }
                case "staleMapping": {
                    List<byte[]> shown = mappings.stream().map(m -> memory.readBytes(m[0], m[1])).toList();
                    long[] result = handle.apply(instance, args);
                    for (int i = 0; i < shown.size(); i++) {
                        memory.write(mappings.get(i)[0], shown.get(i));
                    }
                    return result;
                }
                case "prefixWrite":
                    return prefixWrite(name, handle, instance, args);
                case "wrapCheck":
                    return unsigned(args[p.get("ptr").asInt()]) + unsigned(args[p.get("len").asInt()]) >= TWO_TO_32
                            ? result(name, p) : handle.apply(instance, args);
                case "endOffByOne":
                    if (unsigned(args[p.get("ptr").asInt()]) + unsigned(args[p.get("len").asInt()]) == size(memory)) {
                        throw new ChicoryException(name + ": buffer ends at the end of memory");
                    }
                    return handle.apply(instance, args);
                case "trap":
                    throw new ChicoryException(name + ": " + p.asText());
                default:
                    throw new IllegalStateException("unknown operator " + kind);
            }
        }

        /** write_state(key, ptr, len) on an existing longer value: only len bytes, written at offset 0. */
        private long[] prefixWrite(String name, WasmFunctionHandle handle, Instance instance, long[] args) {
            long size = faasmCall.apply(FaasmImport.READ_STATE.importName()).orElseThrow().apply(instance, args[0], 0, 0)[0];
            if (args[2] > 0 && args[2] < size) {
                faasmCall.apply(FaasmImport.WRITE_STATE_OFFSET.importName()).orElseThrow()
                        .apply(instance, args[0], size, 0, args[1], args[2]);
                return null;
            }
            return handle.apply(instance, args);
        }
    }

    static String operator(JsonNode op) {
        Iterable<String> names = op::fieldNames;
        for (String name : names) {
            if (!"when".equals(name)) {
                return name;
            }
        }
        throw new IllegalStateException("no operator in " + op);
    }

    private static boolean holds(JsonNode when, long[] args) {
        int value = (int) args[when.get("arg").asInt()];
        return when.has("equals") ? value == when.get("equals").asInt() : value > when.get("above").asInt();
    }

    private static long[] rewritten(JsonNode p, long[] args, Memory memory) {
        long[] changed = args.clone();
        int index = p.get("index").asInt();
        int value = (int) args[index];
        if (p.has("set")) {
            changed[index] = p.get("set").asInt();
        } else if (p.has("add")) {
            changed[index] = value + p.get("add").asInt();
        } else if (p.has("and")) {
            changed[index] = value & p.get("and").asInt();
        } else if (p.has("toMemoryEndFrom")) {
            changed[index] = (int) (size(memory) - unsigned(args[p.get("toMemoryEndFrom").asInt()]));
        } else {
            changed[index] = cStringLength(memory, (int) args[p.get("cstrlenFrom").asInt()], value);
        }
        return changed;
    }

    /**
     * The length of the C string at ptr, at most {@code max} (a buffer with no NUL keeps its length); with
     * {@code max} -1 (unbounded), -1 for a string that runs off the end of memory.
     */
    private static int cStringLength(Memory memory, int ptr, int max) {
        long end = Math.min(size(memory), unsigned(ptr) + unsigned(max));
        for (long at = unsigned(ptr); at < end; at++) {
            if (memory.read((int) at) == 0) {
                return (int) (at - unsigned(ptr));
            }
        }
        return max;
    }

    /** A skipped call's result: the operator's {@code result}, else 0 for a call that has one. */
    private static long[] result(String name, JsonNode p) {
        if (p != null && p.has("result")) {
            return new long[] {p.get("result").asLong()};
        }
        boolean hasResult = FaasmImport.byName(name).map(FaasmImport::hasResult).orElse(!"proc_exit".equals(name));
        return hasResult ? new long[] {0} : null;
    }

    private static boolean inMemory(int ptr, int length, Memory memory) {
        return unsigned(ptr) + unsigned(length) <= size(memory);
    }

    private static long size(Memory memory) {
        return (long) memory.pages() * Memory.PAGE_SIZE;
    }

    private static long unsigned(long value) {
        return value & 0xFFFFFFFFL;
    }
}
