package org.faasm.conformance.jvm;

import static org.faasm.conformance.hostinterface.FaasmImport.AWAIT_CALL;
import static org.faasm.conformance.hostinterface.FaasmImport.AWAIT_CALL_OUTPUT;
import static org.faasm.conformance.hostinterface.FaasmImport.CHAIN_NAME;
import static org.faasm.conformance.hostinterface.FaasmImport.CHAIN_PTR;

import com.dylibso.chicory.runtime.ExportFunction;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;

/** Chaining and awaiting calls (reference §2.4–2.6). */
final class ChainingCalls {
    private final MessageContext context;

    ChainingCalls(MessageContext context) {
        this.context = context;
    }

    Map<FaasmImport, HostCallBody> calls() {
        return Map.of(
                CHAIN_NAME, this::chainName,
                CHAIN_PTR, this::chainPtr,
                AWAIT_CALL, this::awaitCall,
                AWAIT_CALL_OUTPUT, this::awaitCallOutput);
    }

    private Integer chainName(HostCallArgs args) {
        String function = args.string(0);
        return chain(CHAIN_NAME, function, 0, args.buffer(1, 2));
    }

    /** Runs table entry {@code idx} of the caller's own module; the index is checked only in the child. */
    private Integer chainPtr(HostCallArgs args) {
        return chain(CHAIN_PTR, context.message.function(), args.i32(0), args.buffer(1, 2));
    }

    /** A call past the run limits fails this message as a host error naming the limit. */
    private int chain(FaasmImport call, String function, int funcPtr, byte[] input) {
        int id;
        try {
            id = context.cluster.chain(context.message, function, funcPtr, input);
        } catch (ChainRefused e) {
            throw new HostError(call.importName(), e.getMessage());
        }
        context.chainedIds.add(id);
        return id;
    }

    /** Any message of the app can be awaited; none within the timeout gives faabric's EMPTY message (0). */
    private Integer awaitCall(HostCallArgs args) {
        return awaited(args.i32(0)).map(Observation::returnValue).orElse(0);
    }

    /** The child's return value, its output delivered the way the message's VM does it. */
    private Integer awaitCallOutput(HostCallArgs args) {
        return context.vm.vm == FaasmVm.WAVM ? awaitIntoBuffer(args) : awaitIntoGuestMalloc(args);
    }

    /**
     * libfaasm's prototype {@code (id, char** out, int* outLen)}: the output goes into a buffer from the
     * guest's own {@code malloc}, which the guest then owns (WAMR: faasm:src/wamr/faasm.cpp:74-106).
     */
    private Integer awaitIntoGuestMalloc(HostCallArgs args) {
        int outPtr = args.i32(1);
        int outLenPtr = args.i32(2);
        context.vm.checkBuffer(args.memory, outPtr, 4, "output pointer");
        context.vm.checkBuffer(args.memory, outLenPtr, 4, "length pointer");
        Optional<Observation> child = awaited(args.i32(0));
        byte[] output = child.map(Observation::output).orElse(new byte[0]);
        int buffer = guestMalloc(args, output.length);
        args.memory.write(buffer, output);
        args.memory.writeI32(outPtr, buffer);
        args.memory.writeI32(outLenPtr, output.length);
        return child.map(Observation::returnValue).orElse(0);
    }

    /**
     * WAVM's reading {@code (id, char* buffer, int bufferLen)}: strncpy of the output into the buffer
     * for the output's own length — up to its first NUL, then NULs — whatever bufferLen says
     * (faasm:src/wavm/chaining.cpp:30-57). Not libfaasm's ABI: a libfaasm guest sees its pointers overwritten.
     */
    private Integer awaitIntoBuffer(HostCallArgs args) {
        Optional<Observation> child = awaited(args.i32(0));
        byte[] output = child.map(Observation::output).orElse(new byte[0]);
        byte[] copied = new byte[output.length];
        for (int i = 0; i < output.length && output[i] != 0; i++) {
            copied[i] = output[i];
        }
        args.memory.write(args.i32(1), copied);
        return child.map(Observation::returnValue).orElse(0);
    }

    private Optional<Observation> awaited(int id) {
        try {
            return context.cluster.awaitResult(context.message.appId(), id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestInterrupted();
        }
    }

    private static int guestMalloc(HostCallArgs args, int size) {
        ExportFunction malloc;
        try {
            malloc = args.instance.export("malloc");
        } catch (RuntimeException e) {
            throw new HostError(AWAIT_CALL_OUTPUT.importName(), "the module does not export malloc");
        }
        int ptr = (int) malloc.apply(size)[0];
        if (ptr == 0) {
            throw new HostError(AWAIT_CALL_OUTPUT.importName(), "the guest's malloc(" + size + ") returned NULL");
        }
        return ptr;
    }
}
