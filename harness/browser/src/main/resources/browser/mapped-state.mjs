import { HostCallTrap } from './errors.mjs';

const PAGE = 65536;
const HOST_PAGE = 4096;

/**
 * State mapped into guest memory by read_state_ptr and read_state_offset_ptr, one mapping per (key,
 * offset, length) as Faasm caches them (faasm:src/wasm/WasmModule.cpp:295-338): the same segment
 * asked again is the same pointer, another segment of the key a new one. Faasm maps the host's pages,
 * so every mapping of a key aliases the others; a JS host cannot alias wasm memory, so it copies, as
 * the jvm backend does: at each state call, bytes the guest changed in a mapping since the host last
 * showed it are carried into the local tier (not dirty, as in Faasm), and after the call every mapping
 * of the call's key shows the local value again.
 */
export class MappedState {
  constructor(state, owner) {
    this.state = state;
    this.owner = owner;
    this.regions = new Map();
    this.memory = null;
  }

  bind(memory) {
    this.memory = memory;
  }

  /** The guest address of [offset, offset + length) of `key`, mapping it on first use. */
  async map(key, totalSize, offset, length, call) {
    const segment = `${key}\u0000${offset}\u0000${length}`;
    const existing = this.regions.get(segment);
    if (existing) {
      return existing.ptr;
    }
    await this.state.mapPages(this.owner, key, totalSize, offset, length);
    const remainder = ((offset % HOST_PAGE) + HOST_PAGE) % HOST_PAGE;
    const hostBytes = Math.ceil((remainder + length) / HOST_PAGE) * HOST_PAGE;
    const pages = Math.max(1, Math.ceil(hostBytes / PAGE));
    let oldPages;
    try {
      oldPages = this.memory.grow(pages);
    } catch (e) {
      throw new HostCallTrap(`${call}: cannot grow guest memory by ${pages} pages to map '${key}'`);
    }
    const region = { key, ptr: oldPages * PAGE + remainder, offset, length, shown: null };
    this.regions.set(segment, region);
    return region.ptr;
  }

  /** Carries bytes the guest changed through any mapping into the local tier. */
  syncFromGuest() {
    for (const region of this.regions.values()) {
      if (region.shown === null) {
        continue;
      }
      const now = new Uint8Array(this.memory.buffer, region.ptr, region.shown.length).slice();
      let from = 0;
      while (from < now.length) {
        if (now[from] === region.shown[from]) {
          from++;
          continue;
        }
        let to = from;
        while (to < now.length && now[to] !== region.shown[to]) {
          to++;
        }
        this.state.writeMapped(region.key, region.offset + from, now.subarray(from, to));
        from = to;
      }
      region.shown = now;
    }
  }

  /** Shows the local value of `key` in every mapping of it. */
  syncToGuest(key) {
    for (const region of this.regions.values()) {
      if (region.key === key) {
        const local = this.state.local(key);
        const from = Math.min(region.offset, local.length);
        region.shown = local.slice(from, Math.max(from, Math.min(local.length, region.offset + region.length)));
        new Uint8Array(this.memory.buffer).set(region.shown, region.ptr);
      }
    }
  }
}
