import { GuestExit } from './errors.mjs';
import { GuestMemory } from './guest-memory.mjs';

// The WASI preview 1 calls Faasm functions need, with Faasm's process view (reference §1.5): argv
// from the cmdline, the fixed environment, stdout and stderr captured, an empty stdin, no files.

export const WASI_MODULE = 'wasi_snapshot_preview1';

const SUCCESS = 0;
const EBADF = 8;
const EINVAL = 28;
const ESPIPE = 70;
const RIGHT_FD_READ = 2n;
const RIGHT_FD_WRITE = 64n;
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
  proc_exit: [[I32], []],
  random_get: [[I32, I32], [I32]],
  sched_yield: [[], [I32]],
};

export class Wasi {
  constructor(cmdline) {
    this.args = argv(cmdline).map(a => new TextEncoder().encode(a + '\0'));
    this.environ = FAASM_ENVIRONMENT.map(([k, v]) => new TextEncoder().encode(`${k}=${v}\0`));
    this.stdout = [];
    this.stderr = [];
    this.open = new Set([0, 1, 2]);
    this.memory = null;
  }

  /** The guest's memory, known once the instance exists. */
  bind(memory) {
    this.memory = memory;
  }

  /** The implementation of one call, or undefined when it has none. */
  function(name) {
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
    this.writeU64('clock_res_get', resultPtr, 1000n);
    return SUCCESS;
  }

  /** Realtime from the epoch; the monotonic and CPU clocks from the worker's own monotonic clock. */
  _clock_time_get(id, precision, resultPtr) {
    let nanos;
    if (id === 0) {
      nanos = BigInt(Math.round(performance.timeOrigin * 1000)) * 1000n + BigInt(Math.round(performance.now() * 1e6));
    } else if (id >= 1 && id <= 3) {
      nanos = BigInt(Math.round(performance.now() * 1e6));
    } else {
      return EINVAL;
    }
    this.writeU64('clock_time_get', resultPtr, nanos);
    return SUCCESS;
  }

  writeU64(name, ptr, value) {
    const memory = this.mem(name);
    memory.check(ptr, 8, 'result pointer');
    new DataView(this.memory.buffer).setBigUint64(ptr >>> 0, value, true);
  }

  _fd_write(fd, iovs, count, writtenPtr) {
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
    if (fd !== 0 || !this.open.has(fd)) {
      return EBADF;
    }
    this.mem('fd_read').writeI32(readPtr, 0);
    return SUCCESS;
  }

  _fd_close(fd) {
    return this.open.delete(fd) ? SUCCESS : EBADF;
  }

  _fd_seek(fd) {
    return this.open.has(fd) ? ESPIPE : EBADF;
  }

  /** stdio are plain streams, not terminals (as in the jvm backend), so stdout is fully buffered. */
  _fd_fdstat_get(fd, statPtr) {
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

  /** No preopened directories. */
  _fd_prestat_get() {
    return EBADF;
  }

  _fd_prestat_dir_name() {
    return EBADF;
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
