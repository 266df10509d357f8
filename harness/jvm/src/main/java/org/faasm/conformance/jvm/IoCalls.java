package org.faasm.conformance.jvm;

import static org.faasm.conformance.hostinterface.FaasmImport.CONF_FLAG;
import static org.faasm.conformance.hostinterface.FaasmImport.READ_INPUT;
import static org.faasm.conformance.hostinterface.FaasmImport.WRITE_OUTPUT;

import java.util.Arrays;
import java.util.Map;
import org.faasm.conformance.hostinterface.FaasmImport;

/** Input, output and configuration flags (reference §2.2, §2.3, §2.9). */
final class IoCalls {
    private final MessageContext context;

    IoCalls(MessageContext context) {
        this.context = context;
    }

    Map<FaasmImport, HostCallBody> calls() {
        return Map.of(READ_INPUT, this::readInput, WRITE_OUTPUT, this::writeOutput, CONF_FLAG, this::confFlag);
    }

    /** Empty input: 0. Length 0 (or negative): the input's size. Otherwise: the bytes copied. */
    private Integer readInput(HostCallArgs args) {
        byte[] input = context.message.input();
        int length = args.i32(1);
        if (input.length == 0) {
            return 0;
        }
        if (length <= 0) {
            return input.length;
        }
        context.vm.checkBuffer(args.memory, args.i32(0), length, "buffer");
        int copied = Math.min(input.length, length);
        args.memory.write(args.i32(0), Arrays.copyOf(input, copied));
        return copied;
    }

    /** As the message's VM reads it (a C string on WAVM, exactly {@code len} bytes on WAMR); the last write wins. */
    private Integer writeOutput(HostCallArgs args) {
        context.output = context.vm.output(args);
        return null;
    }

    /** Faasm's test flags: ALWAYS_ON is 1, anything else 0 (PYTHON_PRELOAD is off here). */
    private Integer confFlag(HostCallArgs args) {
        return "ALWAYS_ON".equals(args.string(0)) ? 1 : 0;
    }
}
