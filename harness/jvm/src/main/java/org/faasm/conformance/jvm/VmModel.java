package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.wavm.BindProblem;
import org.faasm.conformance.wavm.WavmBindCheck;
import org.faasm.conformance.wavm.WavmIntrinsics;

/**
 * The jvm host as one of Faasm's VMs: where WAVM and WAMR give the same guest different results
 * (reference §6 and §0.1), the host does what its VM does — binding, linking, write_output, pointer
 * calls, await_call_output and how a trap is reported.
 */
final class VmModel {
    static final VmModel WAVM = new VmModel(FaasmVm.WAVM);
    static final VmModel WAMR = new VmModel(FaasmVm.WAMR);
    private static final String WASI_MODULE = "wasi_snapshot_preview1";

    final FaasmVm vm;

    private VmModel(FaasmVm vm) {
        this.vm = vm;
    }

    static VmModel of(FaasmVm vm) {
        return vm == FaasmVm.WAVM ? WAVM : WAMR;
    }

    /**
     * Why the VM would not link the module's imports, if it would not: WAVM refuses a module importing
     * anything it has no intrinsic for ("Missing import") or one of another type than its intrinsic's
     * ("Error resolving import", faasm:src/wavm/WAVMWasmModule.cpp:1319-1340); WAMR links what it can
     * and traps when an unlinked import is called.
     */
    Optional<String> refusesToLink(WasmModule module) {
        if (vm != FaasmVm.WAVM) {
            return Optional.empty();
        }
        return WavmLinks.CHECK.check(module).stream()
                .filter(p -> p.kind() == BindProblem.Kind.UNRESOLVED_IMPORT || p.kind() == BindProblem.Kind.MISTYPED_IMPORT)
                .map(BindProblem::detail)
                .findFirst();
    }

    /** Whether the VM links this import at all (faasm:src/wamr/faasm.cpp:229-260 registers fewer than WAVM defines). */
    boolean links(FaasmImport call) {
        return vm.imports().contains(call);
    }

    /**
     * Brings a fresh instance to the state the VM binds a module to. WAVM runs the constructors, then
     * the zygote (ModuleBind). Faasm's WAMR runs no zygote, and its fork of WAMR skips the constructors
     * of a module that imports WASI (wamr:core/iwasm/aot/aot_runtime.c:1541-1552).
     */
    void bind(Instance instance) throws ModuleBind.BindFailure {
        if (vm == FaasmVm.WAVM) {
            ModuleBind.run(instance);
        } else if (!importsWasi(instance.module()) && ModuleBind.exportsFunction(instance, ModuleBind.CONSTRUCTORS)) {
            instance.export(ModuleBind.CONSTRUCTORS).apply();
        }
    }

    /**
     * write_output's bytes: WAVM ignores the length and reads a C string from the pointer
     * (faasm:src/wavm/faasm.cpp _writeOutputImpl); WAMR stores exactly {@code len} bytes
     * (faasm:src/wamr/faasm.cpp, set_outputdata).
     */
    byte[] output(HostCallArgs args) {
        return vm == FaasmVm.WAVM ? args.memory.cStringBytes(args.i32(0)) : args.buffer(0, 1);
    }

    /**
     * A native's check of a guest buffer it is given, before it touches it. WAVM takes the whole buffer as the
     * guest gives it (memoryArrayPtr: faasm:src/wavm/faasm.cpp, wavm:Lib/Runtime/Memory.cpp:262-298), so one that
     * runs past the end traps although the call would touch less. Faasm's WAMR checks nothing: its AOT code
     * converts a native's pointer arguments without a bounds or NUL check when hardware bound checks are on
     * (wamr:core/iwasm/compilation/aot_emit_function.c:1573-1620 calls aot_check_app_addr_and_convert, which
     * skips both under OS_ENABLE_HW_BOUND_CHECK: wamr:core/iwasm/common/wasm_memory.c:623-650), and Faasm turns
     * them on (faasm:src/wamr/CMakeLists.txt:35-39). Only a byte the native really reads or writes past the end
     * traps. Observed on Faasm 0.29.0 (WAMR): read_input, read_state and write_state given a 64-byte buffer in the
     * last 20 bytes of memory return, touching only the input's or value's bytes (bad-input/oob_read_input_room,
     * oob_read_state_existing, oob_write_state_existing).
     */
    void checkBuffer(GuestMemory memory, int ptr, int length, String what) {
        if (vm == FaasmVm.WAVM) {
            memory.check(ptr, length, what);
        }
    }

    /**
     * How Faasm reports a message that trapped: WAVM catches the trap and returns 1
     * (faasm:src/wavm/WAVMWasmModule.cpp:927-941, then "Call failed"); WAMR turns it into an exception
     * that faabric's executor reports (faasm:src/wamr/WAMRWasmModule.cpp:549-580, faabric:src/executor/Executor.cpp:445-448).
     */
    byte[] trapOutput(Message message) {
        if (vm == FaasmVm.WAVM) {
            return Observation.callFailedOutput(1);
        }
        String what = message.funcPtr() == 0 ? "Error executing WASM function with WAMR" : "Error executing WASM func ptr with WAMR";
        return Observation.threwExceptionOutput(message.id(), what);
    }

    /**
     * The argument of a one-parameter table entry: std::stoi of the input. WAVM passes 0 for an empty
     * input without parsing it (faasm:src/wavm/WAVMWasmModule.cpp:897-906); WAMR parses it anyway, and
     * stoi throws (faasm:src/wamr/WAMRWasmModule.cpp:505-519).
     */
    int pointerArgument(byte[] input) {
        if (input.length == 0 && vm == FaasmVm.WAVM) {
            return 0;
        }
        return Stoi.parse(new String(input, StandardCharsets.UTF_8));
    }

    /** A table entry's return value as Faasm records it: WAMR reports 0 unless it traps (faasm:src/wamr/WAMRWasmModule.cpp:535-543). */
    int pointerReturnValue(int returned) {
        return vm == FaasmVm.WAVM ? returned : 0;
    }

    /**
     * A WASI call as the VM has it. WAMR's clock_time_get stores the 64-bit time through an int32_t*, so
     * only the low half reaches the guest and the high half keeps what was there (faasm:src/wamr/timing.cpp:12-60);
     * WAVM's clock_res_get throws calledUnimplementedIntrinsic (faasm:src/wavm/timing.cpp:177-185).
     */
    WasmFunctionHandle wasi(String name, WasmFunctionHandle call) {
        if (vm == FaasmVm.WAMR && name.equals("clock_time_get")) {
            return (instance, args) -> {
                int resultPtr = (int) args[2];
                int highHalf = instance.memory().readInt(resultPtr + 4);
                long[] result = call.apply(instance, args);
                instance.memory().writeI32(resultPtr + 4, highHalf);
                return result;
            };
        }
        if (vm == FaasmVm.WAVM && name.equals("clock_res_get")) {
            return (instance, args) -> {
                throw new HostCallTrap("clock_res_get: WAVM calls an unimplemented intrinsic");
            };
        }
        return call;
    }

    /** Why a table entry cannot be called, as the VM words it: WAMR's own text (faasm:src/wamr/WAMRWasmModule.cpp:329-351), else ours. */
    HostError badTableEntry(String why) {
        return vm == FaasmVm.WAMR ? new HostError("Error getting WAMR function signature") : new HostError("__faasm_chain_ptr", why);
    }

    /**
     * A table entry with more than one parameter, which neither VM calls: WAVM's text
     * (faasm:src/wavm/WAVMWasmModule.cpp:910-913) or WAMR's (faasm:src/wamr/WAMRWasmModule.cpp:516-523).
     */
    HostError tooManyPointerArguments() {
        return new HostError(vm == FaasmVm.WAVM ? "Unexpected function pointer args" : "Unrecognised WAMR function pointer signature");
    }

    private static boolean importsWasi(WasmModule module) {
        return module.importSection().stream().anyMatch(i -> WASI_MODULE.equals(i.module()));
    }

    /** WAVM's intrinsics, read once, when a WAVM model first links a module. */
    private static final class WavmLinks {
        static final WavmBindCheck CHECK = new WavmBindCheck(WavmIntrinsics.load());
    }
}
