package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/** A parsed module and the machine factory its instances share (compiled once, or interpreted). */
record CompiledModule(WasmModule module, Function<Instance, Machine> machineFactory) {}
