package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExecutionCompletedException;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.Outcome;
import org.faasm.conformance.observe.Timings;

/**
 * Runs one Faasm message in a fresh Chicory instance, the way a Faaslet does: binds it (constructors,
 * then zygote), then {@code _start} for an entry point, or a function-table entry for a
 * pointer-chained call; then maps exit code, trap, host error or failed bind to Faasm's message-level
 * outcome (reference §2.1).
 */
public final class MessageExecutor {
    private final ModuleCache modules;
    private final int memoryCapPages;
    private final VmModel vm;
    /** The mutant catalogue's seam: null in a normal run. */
    private volatile HostCallHook hook;
    /** Whether the VM links each module's imports: fixed per module, so worked out once. */
    private final Map<CompiledModule, Optional<String>> linkRefusals = new ConcurrentHashMap<>();

    /** Runs messages as the given Faasm VM would where the two differ. */
    public MessageExecutor(ModuleCache modules, int memoryCapPages, FaasmVm vm) {
        this.modules = modules;
        this.memoryCapPages = memoryCapPages;
        this.vm = VmModel.of(vm);
    }

    /** Decorates the imports of every message bound from now on ({@code null}: none). */
    void hook(HostCallHook hook) {
        this.hook = hook;
    }

    /** @param seedFiles the files (by guest path) the message's own file system starts with */
    public Observation run(Message message, Map<String, byte[]> seedFiles, CallScheduler cluster) throws InterruptedException {
        SandboxFileSystem files = SandboxFileSystem.seeded(seedFiles);
        MessageContext context = new MessageContext(message, cluster, vm, files);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        long start = System.nanoTime();
        long instantiated = start;
        Result result;
        Map<String, byte[]> filesAfter;
        try (files; WasiPreview1 wasi = wasi(stdout, stderr, message.cmdline(), files)) {
            Instance instance = null;
            try {
                Optional<CompiledModule> module = modules.find(message.user(), message.function());
                if (module.isEmpty()) {
                    result = new Result(Outcome.NOT_FOUND, 1, "no function '" + message.function() + "' for user " + message.user());
                } else {
                    Optional<String> unlinked = linkRefusals.computeIfAbsent(module.get(), m -> vm.refusesToLink(m.module()));
                    if (unlinked.isPresent()) {
                        throw new ModuleBind.BindFailure(unlinked.get());
                    }
                    instance = instantiate(module.get(), new ImportBinder(context, wasi, hook));
                    vm.bind(instance);
                    instantiated = System.nanoTime();
                    result = execute(instance, message);
                }
            } catch (ModuleBind.BindFailure e) {
                // faabric:src/scheduler/Scheduler.cpp:299-322: a throwing bind leaves no executor to claim
                result = new Result(Outcome.NOT_FOUND, 1, "bind failed: " + e.getMessage());
            } catch (ModuleLoadException e) {
                result = new Result(Outcome.HOST_ERROR, 1, e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                result = failure(e, instance);
            }
            if (instance != null) {
                syncMappedState(context, instance);
            }
            filesAfter = files.files();
        }
        long end = System.nanoTime();
        List<Observation> chained = children(context, cluster);
        return new Observation(
                message.function(),
                message.funcPtr(),
                message.input(),
                result.outcome,
                result.returnValue,
                messageOutput(message, context, result),
                result.error,
                stdout.toByteArray(),
                stderr.toByteArray(),
                message.host(),
                chained,
                Map.of(),
                context.trace.calls(),
                new Timings(instantiated - start, end - instantiated))
                .withFilesAfter(filesAfter);
    }

    /**
     * WASI with Faasm's argv and environment, stdout and stderr captured, empty stdin, and Faasm's two
     * preopens, fd 3 "/" and fd 4 "." (faasm:src/storage/FileSystem.cpp:25-26), on the message's sandbox.
     */
    private static WasiPreview1 wasi(ByteArrayOutputStream stdout, ByteArrayOutputStream stderr, String cmdline,
            SandboxFileSystem files) {
        WasiOptions.Builder options = WasiOptions.builder()
                .withStdout(stdout)
                .withStderr(stderr)
                .withStdin(new ByteArrayInputStream(new byte[0]))
                .withArguments(FaasmEnvironment.argv(cmdline))
                .withDirectory("/", files.root())
                .withDirectory(".", files.root())
                .withThrowOnExit0(true);
        FaasmEnvironment.VARIABLES.forEach(options::withEnvironment);
        return WasiPreview1.builder().withOptions(options.build()).build();
    }

    private Instance instantiate(CompiledModule compiled, ImportBinder binder) throws ModuleLoadException {
        Instance.Builder builder = compiled.configure(Instance.builder(compiled.module()))
                .withImportValues(binder.bind(compiled.module()))
                // A plain byte array is Chicory's fastest memory for load/store-heavy code (see the bench).
                .withMemoryFactory(ByteArrayMemory::new)
                .withStart(false);
        compiled.module().memorySection().ifPresent(section -> {
            MemoryLimits declared = section.getMemory(0).limits();
            int cap = Math.max(declared.initialPages(), Math.min(declared.maximumPages(), memoryCapPages));
            builder.withMemoryLimits(new MemoryLimits(declared.initialPages(), cap));
        });
        return builder.build();
    }

    /** Runs the entry and returns Faasm's return value: main's result or the exit code. */
    private Result execute(Instance instance, Message message) {
        try {
            if (message.funcPtr() == 0) {
                instance.export("_start").apply();
                return new Result(Outcome.RETURNED, 0, "");
            }
            return new Result(Outcome.RETURNED, callTableEntry(instance, message), "");
        } catch (WasiExitException e) {
            return new Result(Outcome.RETURNED, e.exitCode(), "");
        } catch (ExecutionCompletedException e) {
            return new Result(Outcome.RETURNED, 0, "");
        }
    }

    /**
     * A pointer-chained call (reference §1.4): table entry {@code funcPtr} of the bound instance, without
     * {@code _start}, with no argument or with the input parsed as an int.
     */
    private int callTableEntry(Instance instance, Message message) {
        TableInstance table = instance.tableCount() > 0 ? instance.table(0) : null;
        if (table == null || message.funcPtr() < 0 || message.funcPtr() >= table.size()) {
            throw vm.badTableEntry("function-table index " + message.funcPtr() + " is out of range");
        }
        int function = table.ref(message.funcPtr());
        if (function < 0) {
            throw vm.badTableEntry("function-table entry " + message.funcPtr() + " is empty");
        }
        FunctionType type = instance.type(instance.functionType(function));
        long[] args = switch (type.params().size()) {
            case 0 -> new long[0];
            case 1 -> new long[] {vm.pointerArgument(message.input())};
            default -> throw vm.tooManyPointerArguments();
        };
        long[] results = instance.getMachine().call(function, args);
        return vm.pointerReturnValue(results == null || results.length == 0 ? 0 : (int) results[0]);
    }

    private Result failure(Throwable e, Instance instance) {
        Throwable cause = rootCause(e);
        if (cause instanceof ChicoryInterruptedException || cause instanceof GuestInterrupted || Thread.currentThread().isInterrupted()) {
            throw new GuestInterrupted();
        }
        if (cause instanceof WasiExitException exit) {
            return new Result(Outcome.RETURNED, exit.exitCode(), "");
        }
        if (cause instanceof ExecutionCompletedException) {
            return new Result(Outcome.RETURNED, 0, "");
        }
        if (cause instanceof HostError) {
            return new Result(Outcome.HOST_ERROR, 1, cause.getMessage());
        }
        if (cause instanceof StackOverflowError) {
            return new Result(Outcome.TRAPPED, 1, "call stack exhausted");
        }
        String message = cause instanceof HostCallTrap || cause instanceof ChicoryException
                ? cause.getMessage() : cause.toString();
        return new Result(Outcome.TRAPPED, 1, message + memoryCapNote(instance));
    }

    /** Says so when the guest hit the memory cap, the usual root of a trap after unbounded growth. */
    private String memoryCapNote(Instance instance) {
        if (instance != null && instance.memory() != null && instance.memory().pages() >= memoryCapPages) {
            return " (guest memory reached the cap of " + memoryCapPages + " pages, "
                    + (memoryCapPages / 16) + " MiB)";
        }
        return "";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof HostError) && !(current instanceof HostCallTrap)) {
            current = current.getCause();
        }
        return current;
    }

    private static void syncMappedState(MessageContext context, Instance instance) {
        if (instance.memory() != null) {
            context.mapped.syncFromGuest(instance.memory());
        }
    }

    /** Every call this message chained, in the order made, each awaited even if the guest did not. */
    private static List<Observation> children(MessageContext context, CallScheduler cluster) throws InterruptedException {
        List<Observation> children = new ArrayList<>();
        for (int id : context.chainedIds) {
            children.add(cluster.await(context.message.appId(), id));
        }
        return children;
    }

    /** Faasm's message output: the guest's output, replaced when the message failed (reference §2.1). */
    private byte[] messageOutput(Message message, MessageContext context, Result result) {
        return switch (result.outcome) {
            case RETURNED -> result.returnValue == 0 ? context.output : Observation.callFailedOutput(result.returnValue);
            // A host error is a C++ exception that reaches faabric's executor on either VM.
            case TRAPPED -> vm.trapOutput(message);
            case HOST_ERROR -> Observation.threwExceptionOutput(message.id(), result.error);
            case NOT_FOUND -> "Error trying to claim executor".getBytes(StandardCharsets.UTF_8);
        };
    }

    private record Result(Outcome outcome, int returnValue, String error) {}
}
