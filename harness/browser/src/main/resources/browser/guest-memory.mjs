import { HostCallTrap } from './errors.mjs';

const utf8 = new TextDecoder();

/**
 * Guest memory as seen by one host call: every access is bounds-checked with pointer and length
 * taken as unsigned 32-bit values, and a bad one traps naming the call (the same texts as the jvm
 * backend). The buffer is looked up on every access because memory.grow detaches the old one.
 */
export class GuestMemory {
  constructor(memory, call) {
    this.memory = memory;
    this.call = call;
  }

  size() {
    return this.memory.buffer.byteLength;
  }

  read(ptr, length, what = 'buffer') {
    this.check(ptr, length, what);
    return new Uint8Array(this.memory.buffer, ptr >>> 0, length >>> 0).slice();
  }

  write(ptr, data) {
    this.check(ptr, data.length, 'buffer');
    new Uint8Array(this.memory.buffer).set(data, ptr >>> 0);
  }

  writeI32(ptr, value) {
    this.check(ptr, 4, 'int pointer');
    new DataView(this.memory.buffer).setInt32(ptr >>> 0, value, true);
  }

  /** A NUL-terminated UTF-8 string; one that runs off the end of memory is a trap. */
  cString(ptr) {
    return utf8.decode(this.cStringBytes(ptr));
  }

  /** The bytes of a NUL-terminated string, without the NUL (a copy); one that runs off the end of memory is a trap. */
  cStringBytes(ptr) {
    this.check(ptr, 1, 'string');
    const bytes = new Uint8Array(this.memory.buffer);
    const start = ptr >>> 0;
    const end = bytes.indexOf(0, start);
    if (end < 0) {
      throw new HostCallTrap(`${this.call}: string at ${hex(ptr)} has no NUL before the end of memory (${bytes.length} bytes)`);
    }
    return bytes.slice(start, end);
  }

  check(ptr, length, what) {
    const start = ptr >>> 0;
    const size = this.size();
    if (start + (length >>> 0) > size) {
      throw new HostCallTrap(`${this.call}: ${what} at ${hex(ptr)} of ${length >>> 0} bytes is outside guest memory (${size} bytes)`);
    }
  }
}

export function hex(ptr) {
  return '0x' + (ptr >>> 0).toString(16);
}
