import { HostCallTrap } from './errors.mjs';

const PAGE = 65536;

/**
 * State values mapped into guest memory by read_state_ptr. Faasm maps the host's pages into the
 * guest; a JS host cannot alias wasm memory, so it copies, as the jvm backend does: guest writes are
 * carried into the local tier before every state call and when the message ends, and pulls are
 * carried into the guest. Like Faasm's, writes through the pointer do not mark the value dirty.
 */
export class MappedState {
  constructor(state) {
    this.state = state;
    this.regions = new Map();
    this.memory = null;
  }

  bind(memory) {
    this.memory = memory;
  }

  /** The guest address of `key`'s value, mapping it on first use. */
  async map(key, totalSize, call) {
    const existing = this.regions.get(key);
    if (existing) {
      return existing.ptr;
    }
    const value = await this.state.read(key, totalSize);
    const pages = Math.max(1, Math.ceil(value.length / PAGE));
    let oldPages;
    try {
      oldPages = this.memory.grow(pages);
    } catch (e) {
      throw new HostCallTrap(`${call}: cannot grow guest memory by ${pages} pages to map '${key}'`);
    }
    const ptr = oldPages * PAGE;
    new Uint8Array(this.memory.buffer).set(value, ptr);
    this.regions.set(key, { ptr, size: value.length });
    return ptr;
  }

  /** Carries guest writes through mapped pointers into the local tier. */
  syncFromGuest() {
    for (const [key, region] of this.regions) {
      this.state.writeMapped(key, new Uint8Array(this.memory.buffer, region.ptr, region.size));
    }
  }

  /** Carries the local value of `key` into its mapping, if it has one. */
  syncToGuest(key) {
    const region = this.regions.get(key);
    if (region) {
      new Uint8Array(this.memory.buffer).set(this.state.existing(key, 'mapped read').bytes.subarray(0, region.size), region.ptr);
    }
  }
}
