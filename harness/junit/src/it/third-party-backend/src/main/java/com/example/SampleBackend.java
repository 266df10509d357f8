package com.example;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.Outcome;
import org.faasm.conformance.observe.Timings;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.spec.Capability;

/**
 * A third party's Faasm host, as small as one can be: Chicory's interpreter (the engine this party
 * chose), WASI from Chicory, and two calls of the host interface, {@code __faasm_read_input} and
 * {@code __faasm_write_output}, written here against the reference, not taken from the harness. It
 * declares exactly those two, so the harness skips every spec whose module imports anything else.
 */
public final class SampleBackend implements Backend {
    private static final FunctionType READ_INPUT = FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
    private static final FunctionType WRITE_OUTPUT = FunctionType.of(List.of(ValType.I32, ValType.I32), List.of());

    private final Path wasm = ProjectLayout.locate().wasm();

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String version() {
        return "sample 1.0 (Chicory interpreter)";
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.CAPTURED_STDIO);
    }

    @Override
    public Set<FaasmImport> implementedImports() {
        return Set.of(FaasmImport.READ_INPUT, FaasmImport.WRITE_OUTPUT);
    }

    @Override
    public Observation run(RunRequest request) throws Exception {
        byte[] input = request.input();
        byte[][] output = {new byte[0]};
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        HostFunction readInput = new HostFunction("env", "__faasm_read_input", READ_INPUT, (instance, args) -> {
            int length = (int) args[1];
            if (input.length == 0 || length <= 0) {
                return new long[] {input.length};
            }
            int copied = Math.min(input.length, length);
            instance.memory().write((int) args[0], Arrays.copyOf(input, copied));
            return new long[] {copied};
        });
        // WAVM, Faasm's default VM, reads the output as a C string.
        HostFunction writeOutput = new HostFunction("env", "__faasm_write_output", WRITE_OUTPUT, (instance, args) -> {
            output[0] = cString(instance.memory(), (int) args[0]);
            return null;
        });
        long start = System.nanoTime();
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(WasiOptions.builder()
                .withStdout(stdout).withStderr(stderr).withStdin(new ByteArrayInputStream(new byte[0]))
                .withArguments(List.of(request.function())).build()).build()) {
            Instance instance = Instance.builder(Parser.parse(Files.readAllBytes(wasm.resolve(request.function() + ".wasm"))))
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions())
                            .addFunction(readInput, writeOutput).build())
                    .withStart(false)
                    .build();
            // Faasm binds a module by running its constructors, then its zygote, before the entry.
            instance.export("__wasm_call_ctors").apply();
            instance.export("_faasm_zygote").apply();
            int returnValue = exitCode(instance);
            return observation(request, Outcome.RETURNED, returnValue, returnValue == 0 ? output[0] : Observation.callFailedOutput(returnValue),
                    "", stdout, stderr, start);
        } catch (TrapException e) {
            return observation(request, Outcome.TRAPPED, 1, Observation.callFailedOutput(1), e.getMessage(), stdout, stderr, start);
        }
    }

    private static int exitCode(Instance instance) {
        try {
            instance.export("_start").apply();
            return 0;
        } catch (WasiExitException e) {
            return e.exitCode();
        }
    }

    /** The bytes from {@code address} to the first NUL, whatever length the guest gave. */
    private static byte[] cString(Memory memory, int address) {
        int end = address;
        while (memory.read(end) != 0) {
            end++;
        }
        return memory.readBytes(address, end - address);
    }

    private static Observation observation(RunRequest request, Outcome outcome, int returnValue, byte[] output, String error,
            ByteArrayOutputStream stdout, ByteArrayOutputStream stderr, long start) {
        return new Observation(request.function(), 0, request.input(), outcome, returnValue, output, error, stdout.toByteArray(),
                stderr.toByteArray(), 0, List.of(), Map.of(), List.of(), new Timings(0, System.nanoTime() - start));
    }

    @Override
    public void close() {}
}
