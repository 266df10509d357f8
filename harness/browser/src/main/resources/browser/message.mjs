import { BindFailure, GuestExit, HarnessError, HostCallTrap, HostError, ModuleLoadError } from './errors.mjs';
import { promising } from './blocking.mjs';
import { bindImports } from './imports.mjs';
import { MappedState } from './mapped-state.mjs';
import { CallTrace } from './trace.mjs';
import { TABLE_EXPORT } from './wasm-patch.mjs';
import { SandboxFs } from './sandbox-fs.mjs';
import { Wasi, joined } from './wasi.mjs';

const PAGE = 65536;
const utf8 = new TextEncoder();

/** What the host calls of one running message share: its message, host, output, calls and trace. */
class MessageContext {
  constructor(message, host) {
    this.message = message;
    this.host = host;
    this.state = host.state;
    this.trace = new CallTrace();
    this.mapped = new MappedState(host.state, message.id);
    this.chainedIds = [];
    this.output = new Uint8Array(0);
    this.instance = null;
    this.memory = null;
    /** The message's own SandboxFs, which WASI and __faasm_write_state_from_file read. */
    this.files = null;
  }

  bind(instance) {
    this.instance = instance;
    this.memory = instance.exports.memory;
    this.mapped.bind(this.memory);
  }

  chain(fn, funcPtr, input) {
    const { message, host } = this;
    const child = { ...message, id: host.ids.take(), function: fn, funcPtr, input };
    this.chainedIds.push(host.calls.chain(child));
    return child.id;
  }

  /** Any message of the app can be awaited; none within the chained-call timeout is faabric's EMPTY message (rv 0). */
  awaited(id) {
    return this.host.calls.awaitResult(this.message.appId, id);
  }
}

/**
 * Runs one Faasm message in a fresh instance, as a Faaslet does: binds it (constructors, then zygote),
 * then `_start` for an entry point, or a function-table entry for a pointer-chained call; then maps
 * exit code, trap, host error or failed bind to Faasm's message-level outcome (reference §2.1).
 * Every chained call is awaited before the message ends.
 * A HarnessError (the cluster failing) is no outcome of the guest and propagates.
 */
export async function runMessage(message, host) {
  const ctx = new MessageContext(message, host);
  const wasi = new Wasi(message.cmdline, SandboxFs.seeded(host.seedFiles));
  ctx.files = wasi.fs;
  const start = performance.now();
  let instantiated = start;
  let result;
  try {
    const loaded = await host.modules.get(message.function);
    if (!loaded) {
      result = { outcome: 'NOT_FOUND', returnValue: 1, error: `no function '${message.function}' for user ${message.user}` };
    } else {
      checkWavmLinks(loaded.imports, host.wavmImports);
      const instance = new WebAssembly.Instance(loaded.module, bindImports(loaded.imports, host.faasmTable, ctx, wasi, host.mutant));
      ctx.bind(instance);
      wasi.bind(ctx.memory);
      await bind(instance);
      instantiated = performance.now();
      result = await execute(instance, message);
    }
  } catch (e) {
    if (e instanceof HarnessError) {
      throw e;
    }
    result = failure(e, ctx.memory, host.memoryCapPages);
  }
  if (ctx.memory) {
    ctx.mapped.syncFromGuest();
  }
  const end = performance.now();
  const chained = [];
  for (const id of ctx.chainedIds) {
    chained.push(await host.calls.await(id));
  }
  return {
    function: message.function,
    funcPtr: message.funcPtr,
    input: message.input,
    outcome: result.outcome,
    returnValue: result.returnValue,
    output: messageOutput(message, ctx, result),
    error: result.error,
    stdout: joined(wasi.stdout),
    stderr: joined(wasi.stderr),
    host: host.index,
    chained,
    trace: ctx.trace.toJSON(),
    filesAfter: wasi.fs.files(),
    timings: { instantiateNanos: nanos(instantiated - start), executeNanos: nanos(end - instantiated) },
  };
}

/**
 * WAVM refuses to bind a module importing anything it has no intrinsic for ("Missing import",
 * faasm:src/wavm/WAVMWasmModule.cpp resolve): WASI and wasi-threads by name, any other module as env.
 */
function checkWavmLinks(moduleImports, wavmImports) {
  for (const { module, name } of moduleImports) {
    const resolved = module === 'wasi_snapshot_preview1' || module === 'wasi' ? module : 'env';
    if (!(wavmImports[resolved] ?? []).includes(name)) {
      throw new BindFailure(`import ${module}.${name}: WAVM has no intrinsic for it ("Missing import")`);
    }
  }
}

/**
 * Brings a fresh instance to the state WAVM binds a module to (faasm:src/wavm/WAVMWasmModule.cpp,
 * doBindToFunctionInternal, executeZygoteFunction): the static constructors, then the zygote if
 * exported. WAVM does this once and restores a snapshot for every message; running both in each
 * fresh instance reaches the same state.
 */
async function bind(instance) {
  const { __wasm_call_ctors: constructors, _faasm_zygote: zygote } = instance.exports;
  if (typeof constructors !== 'function') {
    // WAVMWasmModule.cpp:1484-1487 (executeWasmConstructorsFunction)
    throw new BindFailure('Did not find __wasm_call_ctors');
  }
  await promising(constructors)();
  if (typeof zygote === 'function') {
    const code = (await promising(zygote)()) | 0;
    if (code !== 0) {
      // WAVMWasmModule.cpp:1466-1472: "Zygote for <user>/<function> failed with return code N"
      throw new BindFailure(`Zygote failed (_faasm_zygote returned ${code})`);
    }
  }
}

/** Runs the entry and gives Faasm's return value: main's result or the exit code. */
async function execute(instance, message) {
  try {
    if (message.funcPtr === 0) {
      const entry = instance.exports._start;
      if (typeof entry !== 'function') {
        throw new HostCallTrap('the module does not export _start');
      }
      await promising(entry)();
      return returned(0);
    }
    return returned(await callTableEntry(instance, message));
  } catch (e) {
    if (e instanceof GuestExit) {
      return returned(e.code);
    }
    throw e;
  }
}

/**
 * A pointer-chained call (reference §1.4): table entry `funcPtr` of the bound instance, without
 * `_start`, with no argument or with the input parsed as an int.
 */
async function callTableEntry(instance, message) {
  const table = instance.exports[TABLE_EXPORT];
  const index = message.funcPtr;
  if (!(table instanceof WebAssembly.Table) || index < 0 || index >= table.length) {
    throw new HostError('__faasm_chain_ptr', `function-table index ${index} is out of range`);
  }
  const entry = table.get(index);
  if (entry === null) {
    throw new HostError('__faasm_chain_ptr', `function-table entry ${index} is empty`);
  }
  let params;
  if (entry.length === 0) {
    params = [];
  } else if (entry.length === 1) {
    params = [parseIntInput(message.input)];
  } else {
    throw new HostError('__faasm_chain_ptr', `function-table entry ${index} takes ${entry.length} parameters; at most one is supported`);
  }
  const value = await promising(entry)(...params);
  return typeof value === 'number' ? value | 0 : 0;
}

/** WAVM's reading of a pointer call's input: an int, 0 when empty. */
function parseIntInput(input) {
  const text = new TextDecoder().decode(input).replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  if (text === '') {
    return 0;
  }
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) {
    throw new HostError('__faasm_chain_ptr', `input '${text}' is not an int for a one-parameter entry`);
  }
  return value;
}

function failure(e, memory, capPages) {
  if (e instanceof GuestExit) {
    return returned(e.code);
  }
  if (e instanceof BindFailure) {
    // faabric:src/scheduler/Scheduler.cpp:299-322: a throwing bind leaves no executor to claim
    return { outcome: 'NOT_FOUND', returnValue: 1, error: `bind failed: ${e.message}` };
  }
  if (e instanceof HostError || e instanceof ModuleLoadError) {
    return { outcome: 'HOST_ERROR', returnValue: 1, error: e.message };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { outcome: 'TRAPPED', returnValue: 1, error: 'call stack exhausted' };
  }
  const text = e instanceof HostCallTrap || e instanceof WebAssembly.RuntimeError ? e.message : String(e);
  return { outcome: 'TRAPPED', returnValue: 1, error: text + memoryCapNote(memory, capPages) };
}

/** Says so when the guest hit the memory cap, the usual root of a trap after unbounded growth. */
function memoryCapNote(memory, capPages) {
  if (memory && memory.buffer.byteLength >= capPages * PAGE) {
    return ` (guest memory reached the cap of ${capPages} pages, ${capPages / 16} MiB)`;
  }
  return '';
}

function returned(code) {
  return { outcome: 'RETURNED', returnValue: code, error: '' };
}

/** Faasm's message output: the guest's output, replaced when the message failed (reference §2.1). */
function messageOutput(message, ctx, result) {
  switch (result.outcome) {
    case 'RETURNED':
      return result.returnValue === 0 ? ctx.output : utf8.encode(`Call failed (return value=${result.returnValue})`);
    case 'NOT_FOUND':
      return utf8.encode('Error trying to claim executor');
    case 'TRAPPED':
      // WAVM catches a trap inside the VM and reports return value 1 (faasm:src/wavm/WAVMWasmModule.cpp:927-941).
      return utf8.encode(`Call failed (return value=${result.returnValue})`);
    default:
      return utf8.encode(`Task ${message.id >>> 0} threw exception. What: ${result.error}`);
  }
}

function nanos(millis) {
  return Math.round(millis * 1e6);
}
