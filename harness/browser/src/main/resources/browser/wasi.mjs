import { sleep } from './blocking.mjs';
import { GuestExit } from './errors.mjs';
import { GuestMemory } from './guest-memory.mjs';
import { EBADF, EINVAL, ESPIPE, RIGHT_FD_READ, RIGHT_FD_WRITE, SUCCESS } from './wasi-abi.mjs';
import { FILE_SIGNATURES, FileCalls, writeU64 } from './wasi-files.mjs';

// The WASI preview 1 calls Faasm functions need, with Faasm's process view (reference §1.5): argv
// from the cmdline, the fixed environment, stdout and stderr captured, an empty stdin, and the
// message's own in-memory files behind Faasm's two preopens (wasi-files.mjs). Written here rather than
// taken from npm: @bjorn3/browser_wasi_shim 0.4.2 busy-waits in poll_oneoff (one subscription only),
// and reads guest memory unchecked through `instance.exports.memory`, where every call here is
// bounds-checked and traps naming itself as the jvm backend does.

export const WASI_MODULE = 'wasi_snapshot_preview1';

const MAX_RANDOM_CHUNK = 65536;

/** faasm:src/wasm/WasmEnvironment.cpp */
const FAASM_ENVIRONMENT = [
  ['MKL_NUM_THREADS', '1'], ['OPENBLAS_NUM_THREADS', '1'], ['PYTHON_PATH', '/'], ['PYTHONHOME', '/'],
  ['PYTHONHASHSEED', '0'], ['PYTHONNOUSERSITE', 'on'], ['PYTHONWASM', '1'],
];

/** `function.wasm`, then the cmdline split on single spaces (repeated spaces give empty arguments). */
function argv(cmdline) {
  return ['function.wasm', ...(cmdline === '' ? [] : cmdline.split(' '))];
}

const I32 = 'i32';
const I64 = 'i64';
/** The types the implemented calls have in WASI preview 1: [params, results]. */
export const WASI_SIGNATURES = {
  args_get: [[I32, I32], [I32]],
  args_sizes_get: [[I32, I32], [I32]],
  environ_get: [[I32, I32], [I32]],
  environ_sizes_get: [[I32, I32], [I32]],
  clock_res_get: [[I32, I32], [I32]],
  clock_time_get: [[I32, I64, I32], [I32]],
  fd_close: [[I32], [I32]],
  fd_fdstat_get: [[I32, I32], [I32]],
  fd_prestat_get: [[I32, I32], [I32]],
  fd_prestat_dir_name: [[I32, I32, I32], [I32]],
  fd_read: [[I32, I32, I32, I32], [I32]],
  fd_seek: [[I32, I64, I32, I32], [I32]],
  fd_write: [[I32, I32, I32, I32], [I32]],
  poll_oneoff: [[I32, I32, I32, I32], [I32]],
  proc_exit: [[I32], []],
  random_get: [[I32, I32], [I32]],
  sched_yield: [[], [I32]],
  ...FILE_SIGNATURES,
};

export class Wasi {
  /** @param fs the message's SandboxFs */
  constructor(cmdline, fs) {
    this.args = argv(cmdline).map(a => new TextEncoder().encode(a + '\0'));
    this.environ = FAASM_ENVIRONMENT.map(([k, v]) => new TextEncoder().encode(`${k}=${v}\0`));
    this.stdout = [];
    this.stderr = [];
    this.open = new Set([0, 1, 2]);
    this.files = new FileCalls(fs);
    this.fs = fs;
    this.memory = null;
  }

  /** The guest's memory, known once the instance exists. */
  bind(memory) {
    this.memory = memory;
  }

  /** The implementation of one call, or undefined when it has none. */
  function(name) {
    if (FILE_SIGNATURES[name]) {
      const body = this.files[`_${name}`];
      return (...args) => body.call(this.files, this.mem(name), ...args);
    }
    const body = this[`_${name}`];
    return body && WASI_SIGNATURES[name] ? body.bind(this) : undefined;
  }

  mem(name) {
    return new GuestMemory(this.memory, `${WASI_MODULE}.${name}`);
  }

  _args_sizes_get(countPtr, sizePtr) {
    return this.sizes('args_sizes_get', this.args, countPtr, sizePtr);
  }

  _args_get(listPtr, bufPtr) {
    return this.strings('args_get', this.args, listPtr, bufPtr);
  }

  _environ_sizes_get(countPtr, sizePtr) {
    return this.sizes('environ_sizes_get', this.environ, countPtr, sizePtr);
  }

  _environ_get(listPtr, bufPtr) {
    return this.strings('environ_get', this.environ, listPtr, bufPtr);
  }

  sizes(name, list, countPtr, sizePtr) {
    const memory = this.mem(name);
    memory.writeI32(countPtr, list.length);
    memory.writeI32(sizePtr, list.reduce((n, s) => n + s.length, 0));
    return SUCCESS;
  }

  strings(name, list, listPtr, bufPtr) {
    const memory = this.mem(name);
    let at = bufPtr >>> 0;
    list.forEach((s, i) => {
      memory.writeI32((listPtr >>> 0) + 4 * i, at);
      memory.write(at, s);
      at += s.length;
    });
    return SUCCESS;
  }

  _clock_res_get(id, resultPtr) {
    if (id < 0 || id > 3) {
      return EINVAL;
    }
    writeU64(this.mem('clock_res_get'), resultPtr, 1000n);
    return SUCCESS;
  }

  /** Realtime from the epoch; the monotonic and CPU clocks from the worker's own monotonic clock. */
  _clock_time_get(id, precision, resultPtr) {
    if (id < 0 || id > 3) {
      return EINVAL;
    }
    writeU64(this.mem('clock_time_get'), resultPtr, this.nanos(id));
    return SUCCESS;
  }

  /**
   * Waits for the clock subscriptions, as Faasm's hosts sleep in poll_oneoff (faasm:src/wavm/timing.cpp:74-128),
   * then reports each subscription whose time has come; descriptors are always ready. Async, so the import
   * suspends the guest (JSPI) while the worker's event loop runs on; it never returns early.
   */
  async _poll_oneoff(inPtr, outPtr, count, eventsPtr) {
    const memory = this.mem('poll_oneoff');
    const n = count >>> 0;
    if (n === 0) {
      return EINVAL;
    }
    memory.check(inPtr, 48 * n, 'subscriptions');
    memory.check(outPtr, 32 * n, 'events');
    const subscriptions = [];
    for (let i = 0; i < n; i++) {
      const view = new DataView(this.memory.buffer, (inPtr >>> 0) + 48 * i, 48);
      const subscription = { userdata: view.getBigUint64(0, true), type: view.getUint8(8) };
      if (subscription.type === 0) {
        const clock = view.getUint32(16, true);
        if (clock > 1) {
          return EINVAL;
        }
        const timeout = view.getBigUint64(24, true);
        const absolute = (view.getUint16(40, true) & 1) !== 0;
        const now = this.nanos(clock);
        subscription.deadline = performance.now() + Number(absolute ? timeout - now : timeout) / 1e6;
      } else if (subscription.type !== 1 && subscription.type !== 2) {
        return EINVAL;
      }
      subscriptions.push(subscription);
    }
    const clocks = subscriptions.filter(s => s.deadline !== undefined);
    const ready = subscriptions.filter(s => s.deadline === undefined);
    if (ready.length === 0) {
      const deadline = Math.min(...clocks.map(s => s.deadline));
      for (let left = deadline - performance.now(); left > 0; left = deadline - performance.now()) {
        await sleep(Math.ceil(left));
      }
    }
    const now = performance.now();
    const events = [...ready, ...clocks.filter(s => s.deadline <= now)];
    const view = new DataView(this.memory.buffer);
    events.forEach((event, i) => {
      const at = (outPtr >>> 0) + 32 * i;
      new Uint8Array(this.memory.buffer, at, 32).fill(0);
      view.setBigUint64(at, event.userdata, true);
      view.setUint8(at + 10, event.type);
    });
    memory.writeI32(eventsPtr, events.length);
    return SUCCESS;
  }

  /** A clock's time in nanoseconds: realtime from the epoch, else the worker's monotonic clock. */
  nanos(id) {
    const monotonic = BigInt(Math.round(performance.now() * 1e6));
    return id === 0 ? BigInt(Math.round(performance.timeOrigin * 1000)) * 1000n + monotonic : monotonic;
  }

  /** fd 3 and up: the message's files (wasi-files.mjs); below, stdio. */
  _fd_write(fd, iovs, count, writtenPtr) {
    if (fd > 2) {
      return this.files.write(this.mem('fd_write'), fd, iovs, count, writtenPtr);
    }
    const sink = fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
    if (!sink || !this.open.has(fd)) {
      return EBADF;
    }
    const memory = this.mem('fd_write');
    const view = () => new DataView(this.memory.buffer);
    let written = 0;
    for (let i = 0; i < count >>> 0; i++) {
      const entry = (iovs >>> 0) + 8 * i;
      memory.check(entry, 8, 'iovec');
      const ptr = view().getUint32(entry, true);
      const length = view().getUint32(entry + 4, true);
      sink.push(memory.read(ptr, length));
      written += length;
    }
    memory.writeI32(writtenPtr, written);
    return SUCCESS;
  }

  /** stdin is empty. */
  _fd_read(fd, iovs, count, readPtr) {
    if (fd > 2) {
      return this.files.read(this.mem('fd_read'), fd, iovs, count, readPtr);
    }
    if (fd !== 0 || !this.open.has(fd)) {
      return EBADF;
    }
    this.mem('fd_read').writeI32(readPtr, 0);
    return SUCCESS;
  }

  _fd_close(fd) {
    if (fd > 2) {
      return this.files.close(fd);
    }
    return this.open.delete(fd) ? SUCCESS : EBADF;
  }

  _fd_seek(fd, offset, whence, resultPtr) {
    if (fd > 2) {
      return this.files.seek(this.mem('fd_seek'), fd, offset, whence, resultPtr);
    }
    return this.open.has(fd) ? ESPIPE : EBADF;
  }

  /** stdio are plain streams, not terminals (as in the jvm backend), so stdout is fully buffered. */
  _fd_fdstat_get(fd, statPtr) {
    if (fd > 2) {
      return this.files.fdstat(this.mem('fd_fdstat_get'), fd, statPtr);
    }
    if (!this.open.has(fd)) {
      return EBADF;
    }
    const memory = this.mem('fd_fdstat_get');
    memory.check(statPtr, 24, 'fdstat');
    const view = new DataView(this.memory.buffer);
    const at = statPtr >>> 0;
    view.setUint8(at, 0);
    view.setUint16(at + 2, 0, true);
    view.setBigUint64(at + 8, fd === 0 ? RIGHT_FD_READ : RIGHT_FD_WRITE, true);
    view.setBigUint64(at + 16, 0n, true);
    return SUCCESS;
  }

  /** Faasm's preopens, fd 3 "/" and fd 4 "." (faasm:src/storage/FileSystem.cpp:25-26); stdio is none. */
  _fd_prestat_get(fd, prestatPtr) {
    return this.files.prestat(this.mem('fd_prestat_get'), fd, prestatPtr);
  }

  _fd_prestat_dir_name(fd, pathPtr, pathLength) {
    return this.files.prestatDirName(this.mem('fd_prestat_dir_name'), fd, pathPtr, pathLength);
  }

  _random_get(bufPtr, length) {
    const memory = this.mem('random_get');
    memory.check(bufPtr, length, 'buffer');
    const bytes = new Uint8Array(length >>> 0);
    for (let at = 0; at < bytes.length; at += MAX_RANDOM_CHUNK) {
      crypto.getRandomValues(bytes.subarray(at, at + MAX_RANDOM_CHUNK));
    }
    memory.write(bufPtr, bytes);
    return SUCCESS;
  }

  _proc_exit(code) {
    throw new GuestExit(code | 0);
  }

  _sched_yield() {
    return SUCCESS;
  }
}

/** All of a captured stream's chunks as one array. */
export function joined(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
