import { waitFor } from './blocking.mjs';
import { StateError } from './errors.mjs';

// One logical host's local state tier (reference §2.7–2.8), as the jvm backend's HostState, after
// faabric's StateKeyValue (faabric:src/state/StateKeyValue.cpp): every message in the worker shares it,
// sizes are fixed when a key is first created here, writes stay local until pushed. The global tier is
// the cluster, reached through `global` (get: the global value or null; put: replace it). A key the
// cluster has no value for is this host's own, as on Faasm's inmemory main; appended values live here
// too, as this host is their main. `owner` is the message making a call (locks are per message).

const HOST_PAGE = 4096;
const DEADLOCK_AVOIDED = 'Resource deadlock avoided';

/**
 * One key's value: its size fixed at creation (0 when created without one, which no sized call can
 * use); the dirty flag, and the dirty mask only chunk writes mark; what was pulled, whole and by byte;
 * whether the whole value is allocated, which decides whether a partial push re-pulls it.
 */
class LocalValue {
  constructor(size) {
    this.bytes = new Uint8Array(size);
    this.dirty = false;
    this.dirtyMask = new Uint8Array(size);
    this.fullyPulled = false;
    this.pulledMask = new Uint8Array(size);
    this.fullyAllocated = false;
    this.lock = new KeyLock();
  }

  get size() {
    return this.bytes.length;
  }

  /** The shared memory faabric reserves: the size rounded up to whole host pages. */
  allocatedSize() {
    return Math.ceil(this.size / HOST_PAGE) * HOST_PAGE;
  }

  checkSized(key) {
    if (this.size === 0) {
      throw new StateError(`${key} has no size set`);
    }
  }

  /** allocateChunk: the whole value counts as allocated only once one chunk covers all its pages. */
  allocate(offset, length) {
    if (offset === 0 && length === this.allocatedSize()) {
      this.fullyAllocated = true;
    }
  }

  isPulled(offset, length) {
    return this.fullyPulled || this.pulledMask.subarray(offset, offset + length).every(b => b !== 0);
  }

  /** markDirtyChunk; bytes past the value's end (within its last page) have no mask bytes to mark. */
  markDirty(offset, length) {
    this.dirty = true;
    this.dirtyMask.fill(1, offset, Math.min(offset + length, this.size));
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
      return local.size;
    }
    const global = await this.global.get(key);
    return global ? global.length : 0;
  }

  /** read_state (get): lazily pulls the whole value, then the whole value (its own size, not `size`). */
  async read(owner, key, size) {
    return this.readWhole(owner, key, this.sized(key, size));
  }

  /** write_state (set): replaces the local value and sets its dirty flag; no bytes are marked. */
  async write(owner, key, data) {
    const value = this.sized(key, data.length);
    value.checkSized(key);
    await value.lock.during(owner, true, () => {
      value.allocate(0, value.allocatedSize());
      value.bytes.set(data.subarray(0, value.size));
      value.fullyPulled = true;
      value.dirty = true;
    });
  }

  /** The size write_state will copy: the existing size, else `length`. */
  writeSize(key, length) {
    const local = this.values.get(key);
    return local ? local.size : length;
  }

  /** write_state_offset (setChunk): bounded by the page-rounded allocation, not the size; marks the chunk dirty. */
  async writeOffset(owner, key, totalSize, offset, data) {
    const value = this.sized(key, totalSize);
    value.checkSized(key);
    await value.lock.during(owner, true, () => {
      if (offset < 0 || offset + data.length > value.allocatedSize()) {
        throw new StateError('Attempting to set chunk out of bounds');
      }
      value.allocate(offset, data.length);
      value.bytes.set(data.subarray(0, Math.max(0, value.size - offset)), offset);
      value.markDirty(offset, data.length);
    });
  }

  /** read_state_offset (getChunk): pulls only that chunk, unless it was pulled already. */
  async readOffset(owner, key, totalSize, offset, length) {
    const value = this.sized(key, totalSize);
    value.checkSized(key);
    if (offset < 0 || length < 0 || offset + length > value.size) {
      throw new StateError('Out of bounds chunk');
    }
    return value.lock.during(owner, !value.isPulled(offset, length), async () => {
      if (!value.isPulled(offset, length)) {
        value.allocate(offset, length);
        const global = await this.global.get(key);
        if (global) {
          value.bytes.set(global.subarray(offset, Math.min(offset + length, global.length)), offset);
        }
        value.pulledMask.fill(1, offset, offset + length);
      }
      return value.bytes.slice(offset, offset + length);
    });
  }

  /** mapSharedMemory: a new mapping of [offset, offset + length) allocates the host pages it covers. */
  async mapPages(owner, key, totalSize, offset, length) {
    const value = this.sized(key, totalSize);
    value.checkSized(key);
    if (offset < 0 || length < 0) {
      throw new StateError('Failed mapping shared memory');
    }
    const firstPage = Math.floor(offset / HOST_PAGE);
    const endPage = Math.ceil((offset + length) / HOST_PAGE);
    await value.lock.during(owner, true, () => value.allocate(firstPage * HOST_PAGE, (endPage - firstPage) * HOST_PAGE));
  }

  /** Guest bytes written through a mapping at `offset`: they change the local value, and are not dirty. */
  writeMapped(key, offset, data) {
    const value = this.existing(key, 'mapped write');
    value.bytes.set(data.subarray(0, Math.max(0, value.size - offset)), offset);
  }

  /** This host's current bytes of `key`, as a mapping shows them: no pull, no lock. */
  local(key) {
    return this.existing(key, 'mapped read').bytes;
  }

  /** push_state (pushFull): uploads the value if its dirty flag is set, then clears flag and mask. */
  async push(owner, key) {
    const value = this.existing(key, 'push_state');
    value.checkSized(key);
    if (!value.dirty) {
      return;
    }
    await value.lock.during(owner, true, async () => {
      if (value.dirty) {
        await this.global.put(key, value.bytes.slice());
        value.dirty = false;
        value.dirtyMask.fill(0);
      }
    });
  }

  /** pull_state: always refetches the whole value, overwriting unpushed local writes; with no global value, this host's copy is it. */
  async pull(owner, key, size) {
    const value = this.sized(key, size);
    value.checkSized(key);
    await value.lock.during(owner, true, () => this.pullWhole(key, value));
  }

  /** flag_state_dirty (flagDirty): sets the value's dirty flag; the dirty mask is untouched. */
  async flagDirty(owner, key, totalSize) {
    const value = this.sized(key, totalSize);
    await value.lock.during(owner, false, () => {
      value.dirty = true;
    });
  }

  /** flag_state_offset_dirty (flagChunkDirty): marks a chunk, fetching nothing; faabric checks no range, a negative one is refused here. */
  async flagDirtyRange(owner, key, totalSize, offset, length) {
    const value = this.sized(key, totalSize);
    value.checkSized(key);
    if (offset < 0 || length < 0) {
      throw new StateError('Out of bounds chunk');
    }
    await value.lock.during(owner, false, () => value.markDirty(offset, length));
  }

  /** push_state_partial: nothing while clean; else the dirty mask's bytes, then a re-pull if wholly allocated. */
  async pushPartial(owner, key) {
    const value = this.existing(key, 'push_state_partial');
    value.checkSized(key);
    await this.pushMarked(owner, key, value, () => {
      const marked = value.dirtyMask.slice();
      value.dirtyMask.fill(0);
      return marked;
    });
  }

  /** push_state_partial_mask: the same-sized mask value (pulled if needed) chooses the bytes, and is zeroed afterwards. */
  async pushPartialMask(owner, key, maskKey) {
    const value = this.existing(key, 'push_state_partial_mask');
    const mask = this.existing(maskKey, 'push_state_partial_mask');
    if (mask.size !== value.size) {
      throw new StateError(`Different sizes: mask=${mask.size} and value=${value.size}`);
    }
    await this.readWhole(owner, maskKey, mask);
    await this.pushMarked(owner, key, value, () => {
      const marked = mask.bytes.slice();
      mask.bytes.fill(0);
      return marked;
    });
  }

  async pushMarked(owner, key, value, takeMarks) {
    if (!value.dirty) {
      return;
    }
    await value.lock.during(owner, true, async () => {
      if (!value.dirty) {
        return;
      }
      const marked = takeMarks();
      const global = await this.global.get(key);
      if (global) {
        const merged = new Uint8Array(value.size);
        merged.set(global.subarray(0, Math.min(merged.length, global.length)));
        marked.forEach((on, i) => {
          if (on !== 0) {
            merged[i] = value.bytes[i];
          }
        });
        await this.global.put(key, merged);
        if (value.fullyAllocated) {
          value.bytes.set(merged);
        }
      }
      value.dirty = false;
    });
  }

  /** append_state: a sizeless access (the key's local value is created without a size), then the main's list. */
  async append(owner, key, data) {
    await this.sizeless(key).lock.during(owner, true, () => {
      if (!this.appended.has(key)) {
        this.appended.set(key, []);
      }
      this.appended.get(key).push(data);
    });
  }

  /** read_appended_state: a sized access with the buffer's length, then the first `count` values, concatenated. */
  async readAppended(owner, key, bufferLength, count) {
    return this.sized(key, bufferLength).lock.during(owner, false, () => {
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
    });
  }

  /** clear_appended_state: a sizeless access, then the list is cleared. */
  async clearAppended(owner, key) {
    await this.sizeless(key).lock.during(owner, false, () => this.appended.delete(key));
  }

  /** lock_state_read/write: takes the key's host-local lock for message `owner`. */
  async lock(owner, key, write) {
    await this.existing(key, write ? 'lock_state_write' : 'lock_state_read').lock.acquire(owner, write);
  }

  unlock(owner, key, write) {
    const value = this.existing(key, write ? 'unlock_state_write' : 'unlock_state_read');
    if (!value.lock.release(owner, write)) {
      throw new StateError(`unlock of '${key}' that this message does not hold`);
    }
  }

  /** This host's copy of every key with a size, for the keys the cluster turns out to have no value for. */
  localValues() {
    return new Map([...this.values].filter(([, value]) => value.size > 0).map(([key, value]) => [key, value.bytes.slice()]));
  }

  /** Sized access (faabric's State::getKV): the local value, created with `size` bytes if absent (size 0 cannot create one). */
  sized(key, size) {
    const value = this.values.get(key);
    if (value) {
      return value;
    }
    if (size <= 0) {
      throw new StateError(`Must specify size for creating key-value '${key}'`);
    }
    return this.create(key, size);
  }

  /** Sizeless access: the local value, created without a size if absent. */
  sizeless(key) {
    return this.values.get(key) ?? this.create(key, 0);
  }

  create(key, size) {
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

  /** get(): pulls the whole value unless it was, under the full lock only when it pulls. */
  async readWhole(owner, key, value) {
    value.checkSized(key);
    return value.lock.during(owner, !value.fullyPulled, async () => {
      if (!value.fullyPulled) {
        await this.pullWhole(key, value);
      }
      return value.bytes.slice();
    });
  }

  async pullWhole(key, value) {
    value.allocate(0, value.allocatedSize());
    const global = await this.global.get(key);
    if (global) {
      value.bytes.set(global.subarray(0, Math.min(value.size, global.length)));
    }
    value.fullyPulled = true;
  }
}

/**
 * A key's host-local read-write lock as faabric's std::shared_mutex behaves with libstdc++ on glibc:
 * not re-entrant; the writer asking again, to read or write, is refused with EDEADLK, while a reader
 * asking to write waits for itself forever. Readers do not queue behind waiting writers. Owners are
 * messages; the host calls take the lock too, as faabric's do.
 */
class KeyLock {
  constructor() {
    this.readers = new Map();
    this.writer = null;
    this.waiting = [];
  }

  acquire(owner, write) {
    if (this.writer === owner) {
      throw new StateError(DEADLOCK_AVOIDED);
    }
    if (this.canTake(write)) {
      this.take(write, owner);
      return Promise.resolve();
    }
    return waitFor(resolve => this.waiting.push({ write, owner, resolve }));
  }

  /** Releases a hold of `owner`; false when it holds none of that kind (undefined in Faasm). */
  release(owner, write) {
    if (write) {
      if (this.writer !== owner) {
        return false;
      }
      this.writer = null;
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

  /** Runs a host call's own work under the lock faabric takes for it, then releases it. */
  async during(owner, write, work) {
    await this.acquire(owner, write);
    try {
      return await work();
    } finally {
      this.release(owner, write);
    }
  }

  canTake(write) {
    return this.writer === null && (!write || this.readers.size === 0);
  }

  take(write, owner) {
    if (write) {
      this.writer = owner;
    } else {
      this.readers.set(owner, (this.readers.get(owner) ?? 0) + 1);
    }
  }

  wakeWaiters() {
    for (const waiter of [...this.waiting]) {
      if (this.canTake(waiter.write)) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        this.take(waiter.write, waiter.owner);
        waiter.resolve();
      }
    }
  }
}
