import { BindFailure, HostCallTrap, HostError, ModuleLoadError, StateError } from './errors.mjs';
import { FAASM_CALLS, args } from './faasm-host.mjs';
import { GuestMemory } from './guest-memory.mjs';
import { mutantDecorator } from './mutants.mjs';
import { decodeArguments } from './trace.mjs';
import { WASI_MODULE, WASI_SIGNATURES } from './wasi.mjs';

const FAASM_MODULE = 'env';

/**
 * The import object for one message, built from the module's own import section (Faasm functions may
 * import more than the __faasm_* calls): Faasm calls in JS, WASI from wasi.mjs, and for anything else
 * a stub that traps naming the call. A signature that differs from the host interface's or WASI's is
 * refused as WAVM refuses it when it binds the module ("Error resolving import",
 * faasm:src/wavm/WAVMWasmModule.cpp:1319-1340).
 * Every call is recorded in the message's trace.
 *
 * @param moduleImports from wasm-binary.mjs `imports`
 * @param faasmTable the host interface: [{name, hasResult, params: [ArgKind]}], from the Java enum
 */
export function bindImports(moduleImports, faasmTable, ctx, wasi, mutant = null) {
  const faasm = new Map(faasmTable.map(call => [call.name, call]));
  // Only a mutation run seeds a mutant; otherwise each import is bound as it is.
  const decorate = mutant ? mutantDecorator(mutant, name => tracedFaasm(faasm.get(name), FAASM_CALLS[name], ctx), () => ctx.memory)
    : (module, name, handle) => handle;
  const object = {};
  for (const declared of moduleImports) {
    const where = `${declared.module}.${declared.name}`;
    if (declared.kind !== 'FUNCTION') {
      throw new ModuleLoadError(`import ${where} is a ${declared.kind}; only function imports are supported`);
    }
    (object[declared.module] ??= {})[declared.name] = bindFunction(declared, where, faasm, ctx, wasi, decorate);
  }
  return object;
}

function bindFunction(declared, where, faasm, ctx, wasi, decorate) {
  const call = declared.module === FAASM_MODULE ? faasm.get(declared.name) : undefined;
  const body = call && FAASM_CALLS[declared.name];
  if (body) {
    checkSignature(declared, call.params.map(() => 'i32'), call.hasResult ? ['i32'] : [], 'the host interface');
    const traced = decorate(declared.module, declared.name, tracedFaasm(call, body, ctx));
    return body.constructor.name === 'AsyncFunction' ? new WebAssembly.Suspending(traced) : traced;
  }
  const wasiBody = declared.module === WASI_MODULE ? wasi.function(declared.name) : undefined;
  if (wasiBody) {
    const [params, results] = WASI_SIGNATURES[declared.name];
    checkSignature(declared, params, results, 'WASI');
    const traced = decorate(declared.module, declared.name, tracedRaw(where, wasiBody, ctx));
    // a call that waits (poll_oneoff's sleep) suspends the guest, as the blocking Faasm calls do
    return wasiBody.constructor.name === 'AsyncFunction' ? new WebAssembly.Suspending(traced) : traced;
  }
  return tracedRaw(where, () => {
    throw new HostCallTrap(`${where} is not implemented by the browser backend`);
  }, ctx);
}

function checkSignature(declared, params, results, definer) {
  const same = (a, b) => a.length === b.length && a.every((t, i) => t === b[i]);
  if (!same(declared.params, params) || !same(declared.results, results)) {
    throw new BindFailure(`import ${declared.module}.${declared.name} is declared as ${signature(declared.params, declared.results)}`
      + ` but ${definer} defines ${signature(params, results)}`);
  }
}

function signature(params, results) {
  return `(${params.join(', ')}) -> (${results.join(', ')})`;
}

/** A Faasm call: arguments decoded by kind, state errors turned into host errors naming the call. */
function tracedFaasm(call, body, ctx) {
  return (...raw) => {
    const memory = new GuestMemory(ctx.memory, call.name);
    const decoded = decodeArguments(call.params, memory, raw);
    const done = result => {
      ctx.trace.add(call.name, decoded, result === undefined ? null : String(result));
      return result;
    };
    const failed = e => {
      const error = e instanceof StateError ? new HostError(call.name, e.message) : e;
      ctx.trace.add(call.name, decoded, `error: ${error.message}`);
      throw error;
    };
    try {
      const result = body(ctx, args(memory, raw));
      return result instanceof Promise ? result.then(done, failed) : done(result);
    } catch (e) {
      return failed(e);
    }
  };
}

/** Any other import: raw arguments, result or error recorded. */
function tracedRaw(name, body, ctx) {
  return (...raw) => {
    const decoded = raw.map(String);
    const done = result => {
      ctx.trace.add(name, decoded, result === undefined ? null : String(result));
      return result;
    };
    const failed = e => {
      ctx.trace.add(name, decoded, `exit/error: ${e.message}`);
      throw e;
    };
    try {
      const result = body(...raw);
      return result instanceof Promise ? result.then(done, failed) : done(result);
    } catch (e) {
      return failed(e);
    }
  };
}
