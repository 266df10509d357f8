import { ModuleLoadError } from './errors.mjs';

// Just enough of the wasm binary format for the host: the section layout, and each import with its
// type, which WebAssembly.Module.imports() does not give.

const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const VALUE_TYPES = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref' };
const IMPORT_KINDS = ['FUNCTION', 'TABLE', 'MEMORY', 'GLOBAL', 'TAG'];

/** A cursor over the bytes that reads LEB128 numbers and names, failing with a clear load error. */
export class Reader {
  constructor(bytes, at = 0, end = bytes.length) {
    this.bytes = bytes;
    this.at = at;
    this.end = end;
  }

  byte() {
    if (this.at >= this.end) {
      throw new ModuleLoadError(`not a valid wasm module: unexpected end at byte ${this.at}`);
    }
    return this.bytes[this.at++];
  }

  u32() {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        return value;
      }
    }
    throw new ModuleLoadError(`not a valid wasm module: LEB128 number too long at byte ${this.at}`);
  }

  name() {
    const length = this.u32();
    const start = this.at;
    this.at += length;
    if (this.at > this.end) {
      throw new ModuleLoadError(`not a valid wasm module: name runs past its section at byte ${start}`);
    }
    return new TextDecoder().decode(this.bytes.subarray(start, this.at));
  }
}

export function encodeU32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) {
      b |= 0x80;
    }
    out.push(b);
  } while (value !== 0);
  return out;
}

/** The module's sections in order: {id, start, end} of each payload, and headerStart where its id byte is. */
export function sections(bytes) {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new ModuleLoadError('not a valid wasm module: bad magic number or version');
  }
  const found = [];
  const reader = new Reader(bytes, 8);
  while (reader.at < bytes.length) {
    const headerStart = reader.at;
    const id = reader.byte();
    const size = reader.u32();
    const start = reader.at;
    if (start + size > bytes.length) {
      throw new ModuleLoadError(`not a valid wasm module: section ${id} runs past the end`);
    }
    found.push({ id, headerStart, start, end: start + size });
    reader.at = start + size;
  }
  return found;
}

/** Every import as {module, name, kind} plus, for functions, {params, results} as value type names. */
export function imports(bytes) {
  const all = sections(bytes);
  const types = readTypes(bytes, all.find(s => s.id === 1));
  const section = all.find(s => s.id === 2);
  if (!section) {
    return [];
  }
  const reader = new Reader(bytes, section.start, section.end);
  const result = [];
  for (let count = reader.u32(); count > 0; count--) {
    const module = reader.name();
    const name = reader.name();
    const kind = IMPORT_KINDS[reader.byte()] ?? 'UNKNOWN';
    if (kind !== 'FUNCTION') {
      // Only function imports are supported; the caller refuses the module, so stop reading here.
      result.push({ module, name, kind });
      return result;
    }
    const type = types[reader.u32()];
    if (!type) {
      throw new ModuleLoadError(`not a valid wasm module: import ${module}.${name} has an unknown type index`);
    }
    result.push({ module, name, kind, ...type });
  }
  return result;
}

function readTypes(bytes, section) {
  if (!section) {
    return [];
  }
  const reader = new Reader(bytes, section.start, section.end);
  const types = [];
  for (let count = reader.u32(); count > 0; count--) {
    if (reader.byte() !== 0x60) {
      throw new ModuleLoadError('not a valid wasm module: only function types are supported in the type section');
    }
    const params = valueTypes(reader);
    const results = valueTypes(reader);
    types.push({ params, results });
  }
  return types;
}

function valueTypes(reader) {
  const list = [];
  for (let count = reader.u32(); count > 0; count--) {
    const code = reader.byte();
    list.push(VALUE_TYPES[code] ?? `0x${code.toString(16)}`);
  }
  return list;
}
