import { HostError } from './errors.mjs';

// The __faasm_* calls (reference §2), one body per import, with the jvm backend's semantics. Each
// body gets the call's arguments with bounds-checked memory; `ctx` is the running message's context.
// Bodies that may wait (for the cluster, a chained call or a lock) are async: the import binder
// makes those JSPI-suspending, so the guest blocks on them while the worker's event loop runs on.

class Args {
  constructor(memory, raw) {
    this.memory = memory;
    this.raw = raw;
  }

  i32(index) {
    return this.raw[index] | 0;
  }

  string(index) {
    return this.memory.cString(this.i32(index));
  }

  buffer(ptrIndex, lengthIndex) {
    return this.memory.read(this.i32(ptrIndex), this.i32(lengthIndex));
  }
}

export function args(memory, raw) {
  return new Args(memory, raw);
}

/** Import name → body(ctx, args); async bodies may suspend the guest. */
export const FAASM_CALLS = {
  // ---- input, output, flags (§2.2, §2.3, §2.9)

  /** Empty input: 0. Length 0 (or negative): the input's size. Otherwise the bytes copied. */
  __faasm_read_input(ctx, a) {
    const input = ctx.message.input;
    const length = a.i32(1);
    if (input.length === 0) {
      return 0;
    }
    if (length <= 0) {
      return input.length;
    }
    a.memory.check(a.i32(0), length, 'buffer');
    const copied = Math.min(input.length, length);
    a.memory.write(a.i32(0), input.subarray(0, copied));
    return copied;
  },

  /**
   * As WAVM, Faasm's default VM, reads it: a C string from the pointer, whatever the length says
   * (faasm:src/wavm/faasm.cpp _writeOutputImpl); the last write wins.
   */
  __faasm_write_output(ctx, a) {
    ctx.output = a.memory.cStringBytes(a.i32(0));
  },

  /** WAVM prints the backtrace to the worker's own stdout and returns: nothing reaches the guest. */
  __faasm_backtrace() {},

  /** Faasm's test flags: ALWAYS_ON is 1, anything else 0. */
  __faasm_conf_flag(ctx, a) {
    return a.string(0) === 'ALWAYS_ON' ? 1 : 0;
  },

  // ---- chaining (§2.4–2.6)

  __faasm_chain_name(ctx, a) {
    const name = a.string(0);
    return ctx.chain(name, 0, a.buffer(1, 2));
  },

  /** Table entry `idx` of the caller's own module; the index is checked only in the child. */
  __faasm_chain_ptr(ctx, a) {
    return ctx.chain(ctx.message.function, a.i32(0), a.buffer(1, 2));
  },

  async __faasm_await_call(ctx, a) {
    return (await ctx.awaited(a.i32(0))).returnValue;
  },

  /** libfaasm's (id, char** out, int* outLen): the output in a buffer from the guest's own malloc (WAMR). */
  async __faasm_await_call_output(ctx, a) {
    const outPtr = a.i32(1);
    const outLenPtr = a.i32(2);
    a.memory.check(outPtr, 4, 'output pointer');
    a.memory.check(outLenPtr, 4, 'length pointer');
    const child = await ctx.awaited(a.i32(0));
    const buffer = guestMalloc(ctx, child.output.length);
    a.memory.write(buffer, child.output);
    a.memory.writeI32(outPtr, buffer);
    a.memory.writeI32(outLenPtr, child.output.length);
    return child.returnValue;
  },

  // ---- state (§2.7–2.8, faasm:src/wavm/faasm.cpp:34-396); `o` is the calling message (lock owner)

  /** Length 0: the size (0 for an unknown key). Otherwise the whole value, whose size is returned. */
  __faasm_read_state: keyed(async (ctx, key, a, o) => {
    const length = a.i32(2);
    if (length === 0) {
      return ctx.state.size(key);
    }
    a.memory.check(a.i32(1), length, 'buffer');
    const value = await ctx.state.read(o, key, length);
    a.memory.write(a.i32(1), value);
    return value.length;
  }),

  /** Maps the whole value (segment 0..totalLen), then pulls it. */
  __faasm_read_state_ptr: keyed(async (ctx, key, a, o) => {
    const ptr = await ctx.mapped.map(key, a.i32(1), 0, a.i32(1), '__faasm_read_state_ptr');
    await ctx.state.read(o, key, a.i32(1));
    return ptr;
  }),

  /**
   * Copies the value's size in bytes from the guest (Faasm ignores a shorter length for an existing key);
   * the key is looked up before the guest's length is checked (faasm:src/wavm/faasm.cpp:140-145).
   */
  __faasm_write_state: keyed(async (ctx, key, a, o) => {
    const length = a.i32(2);
    ctx.state.sized(key, length);
    a.memory.check(a.i32(1), length, 'buffer');
    await ctx.state.write(o, key, a.memory.read(a.i32(1), ctx.state.writeSize(key, length)));
  }),

  /**
   * The file's bytes (from the message's own file system, under the runtime root whatever the path says)
   * as the key's value; the file's length back (faasm:src/wavm/faasm.cpp:240-264). A missing file is
   * faabric's readFileToBytes throwing (faabric:src/util/files.cpp:26-31).
   */
  __faasm_write_state_from_file: keyed(async (ctx, key, a, o) => {
    const path = a.string(1);
    const bytes = ctx.files.read(path);
    if (!bytes) {
      throw new HostError('__faasm_write_state_from_file', `Couldn't open file ${path}`);
    }
    const value = new Uint8Array(ctx.state.writeSize(key, bytes.length));
    value.set(bytes.subarray(0, value.length));
    await ctx.state.write(o, key, value);
    return bytes.length;
  }),

  __faasm_append_state: keyed((ctx, key, a, o) => ctx.state.append(o, key, a.buffer(1, 2))),

  /** A sized access with the buffer's length (faasm:src/wavm/faasm.cpp:191). */
  __faasm_read_appended_state: keyed(async (ctx, key, a, o) => {
    a.memory.check(a.i32(1), a.i32(2), 'buffer');
    a.memory.write(a.i32(1), await ctx.state.readAppended(o, key, a.i32(2), a.i32(3)));
  }),

  __faasm_clear_appended_state: keyed((ctx, key, a, o) => ctx.state.clearAppended(o, key)),

  /** The key first (a sized access), then the guest's data (faasm:src/wavm/faasm.cpp:225-237). */
  __faasm_write_state_offset: keyed((ctx, key, a, o) => {
    ctx.state.sized(key, a.i32(1));
    return ctx.state.writeOffset(o, key, a.i32(1), a.i32(2), a.buffer(3, 4));
  }),

  /** The key first, then the guest's buffer, then the chunk's bounds (faasm:src/wavm/faasm.cpp:326-338). */
  __faasm_read_state_offset: keyed(async (ctx, key, a, o) => {
    ctx.state.sized(key, a.i32(1));
    a.memory.check(a.i32(3), a.i32(4), 'buffer');
    a.memory.write(a.i32(3), await ctx.state.readOffset(o, key, a.i32(1), a.i32(2), a.i32(4)));
  }),

  /** Maps the segment, then pulls only its chunk. */
  __faasm_read_state_offset_ptr: keyed(async (ctx, key, a, o) => {
    const ptr = await ctx.mapped.map(key, a.i32(1), a.i32(2), a.i32(3), '__faasm_read_state_offset_ptr');
    await ctx.state.readOffset(o, key, a.i32(1), a.i32(2), a.i32(3));
    return ptr;
  }),

  __faasm_flag_state_dirty: keyed((ctx, key, a, o) => ctx.state.flagDirty(o, key, a.i32(1))),

  __faasm_flag_state_offset_dirty: keyed((ctx, key, a, o) => ctx.state.flagDirtyRange(o, key, a.i32(1), a.i32(2), a.i32(3))),

  __faasm_push_state: keyed((ctx, key, a, o) => ctx.state.push(o, key)),

  __faasm_push_state_partial: keyed((ctx, key, a, o) => ctx.state.pushPartial(o, key)),

  __faasm_push_state_partial_mask: keyed((ctx, key, a, o) => ctx.state.pushPartialMask(o, key, a.string(1))),

  __faasm_pull_state: keyed((ctx, key, a, o) => ctx.state.pull(o, key, a.i32(1))),

  __faasm_lock_state_read: keyed((ctx, key, a, o) => ctx.state.lock(o, key, false)),

  __faasm_lock_state_write: keyed((ctx, key, a, o) => ctx.state.lock(o, key, true)),

  __faasm_unlock_state_read: keyed((ctx, key, a, o) => ctx.state.unlock(o, key, false)),

  __faasm_unlock_state_write: keyed((ctx, key, a, o) => ctx.state.unlock(o, key, true)),
};

/**
 * A state call's body with its key read, guest writes through mappings carried in first and the key's
 * mappings refreshed afterwards. Async, so the import suspends the guest while a call waits (for the
 * cluster, or for a lock another message holds).
 */
function keyed(body) {
  return async (ctx, a) => {
    const key = a.string(0);
    ctx.mapped.syncFromGuest();
    try {
      return await body(ctx, key, a, ctx.message.id);
    } finally {
      ctx.mapped.syncToGuest(key);
    }
  };
}

function guestMalloc(ctx, size) {
  const malloc = ctx.instance.exports.malloc;
  if (typeof malloc !== 'function') {
    throw new HostError('__faasm_await_call_output', 'the module does not export malloc');
  }
  const ptr = malloc(size) | 0;
  if (ptr === 0) {
    throw new HostError('__faasm_await_call_output', `the guest's malloc(${size}) returned NULL`);
  }
  return ptr;
}
