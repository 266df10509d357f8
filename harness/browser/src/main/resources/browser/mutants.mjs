import { HostCallTrap } from './errors.mjs';

// A mutant from the catalogue (harness resources mutants/catalogue.yaml) seeded into the browser's
// host: the catalogue's operators applied at the host-call boundary, as the jvm host's
// mutation.JvmMutantHook applies them. Memory a mutant keeps (the first id, a remembered
// write_state) lives per message. Only a mutation run sends one; otherwise imports bind as they are.

const TWO_TO_32 = 2 ** 32;
const u32 = value => Number(value) >>> 0;
const i32 = value => Number(value) | 0;

/** then(x, f): f(x), after x settles if it is a promise (an async host call stays async). */
function then(value, f) {
  return value instanceof Promise ? value.then(f) : f(value);
}

/**
 * The decorator of one message's imports.
 * @param calls import name → operator (the catalogue entry's `calls`)
 * @param faasmCall name → the traced handle of any __faasm_* call
 * @param memory () → the message's WebAssembly.Memory
 */
export function mutantDecorator(calls, faasmCall, memory) {
  const firstResults = new Map();
  let aliased = null;
  // Mapped regions {ptr, length} that recordMapping saw, which staleMapping keeps as they were.
  const mappings = [];
  const aliasBefore = Object.values(calls).find(op => op.alias)?.alias.before;
  const bytes = () => new Uint8Array(memory().buffer);
  const view = () => new DataView(memory().buffer);

  function apply(name, op, handle, raw) {
    if (op.when && !holds(op.when, raw)) {
      return handle(...raw);
    }
    const kind = Object.keys(op).find(k => k !== 'when');
    const p = op[kind];
    switch (kind) {
      case 'return': return then(handle(...raw), () => p);
      case 'returnArg': return then(handle(...raw), () => i32(raw[p]));
      case 'returnAdd': return then(handle(...raw), r => (r + p) | 0);
      case 'skip': return p.result ?? 0;
      case 'keyOnly':
        keyLength(name, u32(raw[0]));
        return p.result ?? 0;
      case 'arg': return handle(...rewritten(p, raw));
      case 'twice': return then(handle(...raw), first => then(handle(...raw), () => first));
      case 'once':
        if (firstResults.has(name)) {
          return p.result ?? 0;
        }
        firstResults.set(name, null);
        return handle(...raw);
      case 'sticky': return then(handle(...raw), r => {
        if (!firstResults.has(name)) {
          firstResults.set(name, r);
        }
        return firstResults.get(name);
      });
      case 'ignoreErrors': {
        const swallow = e => {
          if (e?.name === 'GuestExit') {
            throw e;
          }
          return p.result ?? 0;
        };
        try {
          const result = handle(...raw);
          return result instanceof Promise ? result.catch(swallow) : result;
        } catch (e) {
          return swallow(e);
        }
      }
      case 'swap': return faasmCall(p)(...raw);
      case 'scaleU64': return then(handle(...raw), r => {
        const at = u32(raw[p.ptr]);
        const value = view().getBigUint64(at, true);
        view().setBigUint64(at, p.factor ? BigInt.asUintN(64, value * BigInt(p.factor)) : value / BigInt(p.divisor), true);
        return r;
      });
      case 'restoreOut': {
        const ptr = u32(raw[p.ptr]);
        const length = u32(raw[p.len]);
        if (ptr + length > bytes().length) {
          return handle(...raw);
        }
        const before = bytes().slice(ptr, ptr + length);
        return then(handle(...raw), r => {
          bytes().set(before, ptr);
          return r;
        });
      }
      case 'fillOut': return then(handle(...raw), r => {
        bytes().fill(p.byte, u32(raw[p.ptr]), u32(raw[p.ptr]) + u32(raw[p.len]));
        return r;
      });
      case 'setI32Out': return then(handle(...raw), r => {
        view().setInt32(u32(raw[p.ptr]), p.value, true);
        return r;
      });
      case 'alias':
        aliased = { handle, raw };
        return handle(...raw);
      case 'moveResult': return then(handle(...raw), from => {
        const to = u32(from + p.by);
        bytes().copyWithin(to, u32(from), u32(from) + u32(raw[p.len]));
        return to | 0;
      });
      case 'recordMapping': return then(handle(...raw), ptr => {
        mappings.push({ ptr: u32(ptr), length: u32(raw[p.len]) });
        return ptr;
      });
      case 'staleMapping': {
        const shown = mappings.map(m => bytes().slice(m.ptr, m.ptr + m.length));
        return then(handle(...raw), r => {
          mappings.forEach((m, i) => bytes().set(shown[i], m.ptr));
          return r;
        });
      }
      case 'prefixWrite': return then(faasmCall('__faasm_read_state')(raw[0], 0, 0), size => {
        const length = i32(raw[2]);
        return length > 0 && length < size
          ? then(faasmCall('__faasm_write_state_offset')(raw[0], size, 0, raw[1], length), () => undefined)
          : handle(...raw);
      });
      case 'wrapCheck':
        return u32(raw[p.ptr]) + u32(raw[p.len]) >= TWO_TO_32 ? (p.result ?? 0) : handle(...raw);
      case 'endOffByOne':
        if (u32(raw[p.ptr]) + u32(raw[p.len]) === bytes().length) {
          throw new HostCallTrap(`${name}: buffer ends at the end of memory`);
        }
        return handle(...raw);
      case 'trap':
        throw new HostCallTrap(`${name}: ${p}`);
      default:
        throw new Error(`unknown mutant operator ${kind}`);
    }
  }

  /** The key's length; a key that runs off the end of memory traps, as a host reading it does. */
  function keyLength(name, ptr) {
    const nul = bytes().indexOf(0, ptr);
    if (ptr >= bytes().length || nul < 0) {
      throw new HostCallTrap(`${name}: string at 0x${ptr.toString(16)} runs off the end of memory`);
    }
    return nul - ptr;
  }

  function rewritten(p, raw) {
    const changed = [...raw];
    const value = i32(raw[p.index]);
    if ('set' in p) {
      changed[p.index] = p.set;
    } else if ('add' in p) {
      changed[p.index] = (value + p.add) | 0;
    } else if ('and' in p) {
      changed[p.index] = value & p.and;
    } else if ('toMemoryEndFrom' in p) {
      changed[p.index] = (bytes().length - u32(raw[p.toMemoryEndFrom])) | 0;
    } else {
      const ptr = u32(raw[p.cstrlenFrom]);
      const nul = bytes().subarray(ptr, Math.min(bytes().length, ptr + u32(value))).indexOf(0);
      changed[p.index] = nul < 0 ? value : nul;
    }
    return changed;
  }

  return (module, name, handle) => {
    const known = module === 'env' || module === 'wasi_snapshot_preview1';
    const op = known ? calls[name] : undefined;
    const mutated = op ? (...raw) => apply(name, op, handle, raw) : handle;
    if (!aliasBefore || !name.includes(aliasBefore)) {
      return mutated;
    }
    return (...raw) => aliased ? then(aliased.handle(...aliased.raw), () => mutated(...raw)) : mutated(...raw);
  };
}

function holds(when, raw) {
  const value = i32(raw[when.arg]);
  return 'equals' in when ? value === when.equals : value > when.above;
}
