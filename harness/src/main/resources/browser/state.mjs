import { StateError } from './errors.mjs';

// One logical host's local state tier (reference §2.7–2.8), as the jvm backend's HostState: every
// message in the worker shares it, sizes are fixed when a key is first created here, writes stay
// local until pushed. The global tier is the cluster, reached through `global` (get: the global
// value or null; put: replace it). A key the cluster has no value for is this host's own, as on
// Faasm's inmemory main; appended values live here too, as this host is their main.

class LocalValue {
  constructor(size) {
    this.bytes = new Uint8Array(size);
    /** 1 for each byte written locally since the last push (Faasm tracks dirty chunks for partial pushes). */
    this.dirty = new Uint8Array(size);
    /** Holds the global value (or newer local writes), so reads need not fetch it again. */
    this.pulled = false;
    this.lock = new ReadWriteLock();
  }
}

export class HostState {
  constructor(name, global) {
    this.name = name;
    this.global = global;
    this.values = new Map();
    this.appended = new Map();
  }

  /** Size query: the local size if cached, else the global size, else 0 for an unknown key. */
  async size(key) {
    const local = this.values.get(key);
    if (local) {
      return local.bytes.length;
    }
    const global = await this.global.get(key);
    return global ? global.length : 0;
  }

  /** read_state: lazily pulls, then the whole value (its own size, not `size`). */
  async read(key, size) {
    const value = this.sized(key, size);
    await this.pullIfNeeded(key, value);
    return value.bytes.slice();
  }

  /** write_state: `data` holds at least the value's size; replaces the local value, marks it dirty. */
  write(key, data) {
    const value = this.sized(key, data.length);
    value.bytes.set(data.subarray(0, value.bytes.length));
    value.dirty.fill(1);
    value.pulled = true;
  }

  /** The size write_state will copy: the existing size, else `length`. */
  writeSize(key, length) {
    const local = this.values.get(key);
    return local ? local.bytes.length : length;
  }

  writeOffset(key, totalSize, offset, data) {
    const value = this.sized(key, totalSize);
    checkRange(key, value, offset, data.length);
    value.bytes.set(data, offset);
    value.dirty.fill(1, offset, offset + data.length);
  }

  async readOffset(key, totalSize, offset, length) {
    const value = this.sized(key, totalSize);
    await this.pullIfNeeded(key, value);
    checkRange(key, value, offset, length);
    return value.bytes.slice(offset, offset + length);
  }

  /** Guest writes through a mapped pointer: change the local value, not dirty. */
  writeMapped(key, data) {
    const value = this.existing(key, 'mapped write');
    value.bytes.set(data.subarray(0, value.bytes.length));
  }

  /** push_state: uploads a dirty value; a key never seen here is an error. */
  async push(key) {
    const value = this.existing(key, 'push_state');
    if (!value.dirty.includes(1)) {
      return;
    }
    await this.global.put(key, value.bytes.slice());
    value.dirty.fill(0);
  }

  /**
   * push_state_partial: uploads only the dirty bytes (or, with a mask key, the bytes where that
   * same-sized value is non-zero), then re-pulls the whole value, as faabric's pushPartial does. With
   * no global value this host's copy is the global one, so there is nothing to send.
   */
  async pushPartial(key, maskKey) {
    const value = this.existing(key, 'push_state_partial');
    const chosen = maskKey === null ? value.dirty.slice() : this.existing(maskKey, 'push_state_partial_mask').bytes;
    const global = await this.global.get(key);
    if (global) {
      const merged = new Uint8Array(value.bytes.length);
      copyInto(merged, global);
      for (let i = 0; i < merged.length && i < chosen.length; i++) {
        if (chosen[i] !== 0) {
          merged[i] = value.bytes[i];
        }
      }
      await this.global.put(key, merged);
      value.bytes.set(merged);
      value.pulled = true;
    }
    value.dirty.fill(0);
  }

  /** pull_state: always refetches, overwriting unpushed local writes; with no global value, this host's copy is it. */
  async pull(key, size) {
    const value = this.sized(key, size);
    const global = await this.global.get(key);
    if (global) {
      copyInto(value.bytes, global);
    }
    value.pulled = true;
  }

  flagDirty(key, totalSize) {
    this.sized(key, totalSize).dirty.fill(1);
  }

  /** flag_state_offset_dirty: marks a chunk for the next push, without fetching anything. */
  flagDirtyRange(key, totalSize, offset, length) {
    const value = this.sized(key, totalSize);
    checkRange(key, value, offset, length);
    value.dirty.fill(1, offset, offset + length);
  }

  append(key, data) {
    if (!this.appended.has(key)) {
      this.appended.set(key, []);
    }
    this.appended.get(key).push(data);
  }

  /** The first `count` appended values, concatenated; fewer than that is an error. */
  readAppended(key, count) {
    const values = this.appended.get(key) ?? [];
    if (values.length < count) {
      throw new StateError(`read_appended_state: key '${key}' has ${values.length} appended values, ${count} requested`);
    }
    const joined = new Uint8Array(values.slice(0, count).reduce((n, v) => n + v.length, 0));
    let at = 0;
    for (const v of values.slice(0, count)) {
      joined.set(v, at);
      at += v.length;
    }
    return joined;
  }

  clearAppended(key) {
    this.appended.delete(key);
  }

  /** Takes the key's host-local lock for message `owner`; waits while another message holds it. */
  async lock(key, write, owner) {
    const value = this.existing(key, write ? 'lock_state_write' : 'lock_state_read');
    await value.lock.acquire(write, owner);
  }

  unlock(key, write, owner) {
    const value = this.existing(key, write ? 'unlock_state_write' : 'unlock_state_read');
    if (!value.lock.release(write, owner)) {
      throw new StateError(`unlock of '${key}' that this thread does not hold`);
    }
  }

  /** This host's copy of every key, for the keys the cluster turns out to have no value for. */
  localValues() {
    return new Map([...this.values].map(([key, value]) => [key, value.bytes.slice()]));
  }

  /** The local value, created with `size` bytes if absent (size 0 cannot create one). */
  sized(key, size) {
    const value = this.values.get(key);
    if (value) {
      return value;
    }
    if (size <= 0) {
      throw new StateError(`Must specify size for creating key-value '${key}'`);
    }
    const created = new LocalValue(size);
    this.values.set(key, created);
    return created;
  }

  existing(key, call) {
    const value = this.values.get(key);
    if (!value) {
      throw new StateError(`${call}: key '${key}' was never created on host ${this.name}`);
    }
    return value;
  }

  async pullIfNeeded(key, value) {
    if (!value.pulled) {
      const global = await this.global.get(key);
      if (global) {
        copyInto(value.bytes, global);
      }
      value.pulled = true;
    }
  }
}

function copyInto(target, source) {
  target.set(source.subarray(0, Math.min(target.length, source.length)));
}

function checkRange(key, value, offset, length) {
  if (offset < 0 || length < 0 || offset + length > value.bytes.length) {
    throw new StateError(`offset ${offset} + length ${length} is outside '${key}' (${value.bytes.length} bytes)`);
  }
}

/**
 * A read-write lock whose owners are messages, re-entrant like Java's ReentrantReadWriteLock (a
 * writer may also read; a reader asking to write waits, as it deadlocks there too).
 */
class ReadWriteLock {
  constructor() {
    this.readers = new Map();
    this.writer = null;
    this.writes = 0;
    this.waiting = [];
  }

  acquire(write, owner) {
    if (this.canTake(write, owner)) {
      this.take(write, owner);
      return Promise.resolve();
    }
    return new Promise(resolve => this.waiting.push({ write, owner, resolve }));
  }

  release(write, owner) {
    if (write) {
      if (this.writer !== owner) {
        return false;
      }
      if (--this.writes === 0) {
        this.writer = null;
      }
    } else {
      const held = this.readers.get(owner) ?? 0;
      if (held === 0) {
        return false;
      }
      held === 1 ? this.readers.delete(owner) : this.readers.set(owner, held - 1);
    }
    this.wakeWaiters();
    return true;
  }

  canTake(write, owner) {
    const writerFree = this.writer === null || this.writer === owner;
    if (!write) {
      return writerFree;
    }
    return writerFree && this.readers.size === 0;
  }

  take(write, owner) {
    if (write) {
      this.writer = owner;
      this.writes++;
    } else {
      this.readers.set(owner, (this.readers.get(owner) ?? 0) + 1);
    }
  }

  wakeWaiters() {
    for (const waiter of [...this.waiting]) {
      if (this.canTake(waiter.write, waiter.owner)) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        this.take(waiter.write, waiter.owner);
        waiter.resolve();
      }
    }
  }
}
