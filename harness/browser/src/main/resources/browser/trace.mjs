import { HostCallTrap } from './errors.mjs';
import { hex } from './guest-memory.mjs';

/**
 * Host calls kept per message of each kind, __faasm_* and the others (WASI), as in the jvm backend: a
 * chatty guest cannot exhaust the worker's heap, and WASI calls, which agreement leaves out, never
 * crowd out the __faasm_* calls it compares.
 */
const TRACE_LIMIT = 10000;

/** The host calls one message made, in order, as {name, arguments, result} (the jvm backend's shape). */
export class CallTrace {
  constructor() {
    this.calls = [];
    this.kept = { faasm: 0, other: 0 };
    this.dropped = 0;
  }

  add(name, args, result) {
    const kind = name.startsWith('__faasm_') ? 'faasm' : 'other';
    if (this.kept[kind] < TRACE_LIMIT) {
      this.calls.push({ name, arguments: args, result });
      this.kept[kind]++;
    } else {
      this.dropped++;
    }
  }

  toJSON() {
    return this.dropped === 0 ? this.calls
      : [...this.calls, { name: '(trace truncated)', arguments: [`${this.dropped} more calls`], result: null }];
  }
}

/** A Faasm call's raw i32 arguments for the trace: strings read, pointers in hex, ids and lengths unsigned. */
export function decodeArguments(params, memory, args) {
  return args.map((value, i) => {
    switch (params[i] ?? 'INT') {
      case 'CSTRING': return quoted(value, memory);
      case 'POINTER': return hex(value);
      case 'LENGTH':
      case 'CALL_ID': return String(value >>> 0);
      default: return String(value | 0);
    }
  });
}

function quoted(ptr, memory) {
  try {
    return `"${memory.cString(ptr)}"`;
  } catch (e) {
    if (e instanceof HostCallTrap) {
      return `<bad string pointer ${hex(ptr)}>`;
    }
    throw e;
  }
}
