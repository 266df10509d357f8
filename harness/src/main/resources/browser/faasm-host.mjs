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

  /** Exactly `len` bytes (WAMR's behaviour); the last write wins. */
  __faasm_write_output(ctx, a) {
    ctx.output = a.buffer(0, 1);
  },

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
    return (await ctx.awaited(a.i32(0), '__faasm_await_call')).returnValue;
  },

  /** libfaasm's (id, char** out, int* outLen): the output in a buffer from the guest's own malloc (WAMR). */
  async __faasm_await_call_output(ctx, a) {
    const outPtr = a.i32(1);
    const outLenPtr = a.i32(2);
    a.memory.check(outPtr, 4, 'output pointer');
    a.memory.check(outLenPtr, 4, 'length pointer');
    const child = await ctx.awaited(a.i32(0), '__faasm_await_call_output');
    const buffer = guestMalloc(ctx, child.output.length);
    a.memory.write(buffer, child.output);
    a.memory.writeI32(outPtr, buffer);
    a.memory.writeI32(outLenPtr, child.output.length);
    return child.returnValue;
  },

  // ---- state (§2.7–2.8)

  /** Length 0: the size (0 for an unknown key). Otherwise the whole value, whose size is returned. */
  async __faasm_read_state(ctx, a) {
    const key = ctx.key(a);
    const length = a.i32(2);
    if (length === 0) {
      return ctx.state.size(key);
    }
    a.memory.check(a.i32(1), length, 'buffer');
    const value = await ctx.state.read(key, length);
    a.memory.write(a.i32(1), value);
    return value.length;
  },

  async __faasm_read_state_ptr(ctx, a) {
    return ctx.mapped.map(ctx.key(a), a.i32(1), '__faasm_read_state_ptr');
  },

  /** Copies the value's size in bytes from the guest (Faasm ignores a shorter length for an existing key). */
  __faasm_write_state(ctx, a) {
    const key = ctx.key(a);
    const length = a.i32(2);
    a.memory.check(a.i32(1), length, 'buffer');
    ctx.state.write(key, a.memory.read(a.i32(1), ctx.state.writeSize(key, length)));
    ctx.mapped.syncToGuest(key);
  },

  __faasm_append_state(ctx, a) {
    ctx.state.append(ctx.key(a), a.buffer(1, 2));
  },

  __faasm_read_appended_state(ctx, a) {
    const key = ctx.key(a);
    a.memory.check(a.i32(1), a.i32(2), 'buffer');
    a.memory.write(a.i32(1), ctx.state.readAppended(key, a.i32(3)));
  },

  __faasm_clear_appended_state(ctx, a) {
    ctx.state.clearAppended(ctx.key(a));
  },

  __faasm_write_state_offset(ctx, a) {
    const key = ctx.key(a);
    ctx.state.writeOffset(key, a.i32(1), a.i32(2), a.buffer(3, 4));
    ctx.mapped.syncToGuest(key);
  },

  async __faasm_read_state_offset(ctx, a) {
    const key = ctx.key(a);
    a.memory.check(a.i32(3), a.i32(4), 'buffer');
    a.memory.write(a.i32(3), await ctx.state.readOffset(key, a.i32(1), a.i32(2), a.i32(4)));
  },

  async __faasm_read_state_offset_ptr(ctx, a) {
    const key = ctx.key(a);
    const offset = a.i32(2);
    await ctx.state.readOffset(key, a.i32(1), offset, a.i32(3));
    return (await ctx.mapped.map(key, a.i32(1), '__faasm_read_state_offset_ptr')) + offset;
  },

  __faasm_flag_state_dirty(ctx, a) {
    ctx.state.flagDirty(ctx.key(a), a.i32(1));
  },

  __faasm_flag_state_offset_dirty(ctx, a) {
    ctx.state.flagDirtyRange(ctx.key(a), a.i32(1), a.i32(2), a.i32(3));
  },

  async __faasm_push_state(ctx, a) {
    await ctx.state.push(ctx.key(a));
  },

  async __faasm_push_state_partial(ctx, a) {
    const key = ctx.key(a);
    await ctx.state.pushPartial(key, null);
    ctx.mapped.syncToGuest(key);
  },

  async __faasm_push_state_partial_mask(ctx, a) {
    const key = ctx.key(a);
    await ctx.state.pushPartial(key, a.string(1));
    ctx.mapped.syncToGuest(key);
  },

  async __faasm_pull_state(ctx, a) {
    const key = ctx.key(a);
    await ctx.state.pull(key, a.i32(1));
    ctx.mapped.syncToGuest(key);
  },

  async __faasm_lock_state_read(ctx, a) {
    await ctx.state.lock(ctx.key(a), false, ctx.message.id);
  },

  async __faasm_lock_state_write(ctx, a) {
    await ctx.state.lock(ctx.key(a), true, ctx.message.id);
  },

  __faasm_unlock_state_read(ctx, a) {
    ctx.state.unlock(ctx.key(a), false, ctx.message.id);
  },

  __faasm_unlock_state_write(ctx, a) {
    ctx.state.unlock(ctx.key(a), true, ctx.message.id);
  },
};

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
