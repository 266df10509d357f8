import { Reader, encodeU32, sections } from './wasm-binary.mjs';

// Two rewrites of a module's bytes before it is compiled, both keeping it otherwise identical:
// - export table 0 as TABLE_EXPORT, so chain_ptr can call a function-table entry (Faasm builds do
//   not export their table, and the JS API can only reach exported tables);
// - cap memory 0's maximum, so runaway growth fails at the cap (memory.grow returns -1) as it does
//   in the jvm backend, instead of eating the machine's memory.

export const TABLE_EXPORT = '__faasm_table';
const EXPORT_SECTION = 7;
const KIND_TABLE = 0x01;
/** Where each known section id sits in the required order (custom sections, id 0, may go anywhere). */
const SECTION_ORDER = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 13: 6, 6: 7, 7: 8, 8: 9, 9: 10, 12: 11, 10: 12, 11: 13 };

/** The patched bytes. */
export function patchModule(bytes, memoryCapPages) {
  const all = sections(bytes);
  const exportTable = hasTable(bytes, all) && !exportsName(bytes, all, TABLE_EXPORT);
  const parts = [bytes.subarray(0, 8)];
  let exportWritten = !exportTable;
  for (const section of all) {
    if (!exportWritten && section.id !== 0 && SECTION_ORDER[section.id] > SECTION_ORDER[EXPORT_SECTION]) {
      parts.push(sectionBytes(EXPORT_SECTION, [...encodeU32(1), ...tableExportEntry()]));
      exportWritten = true;
    }
    if (section.id === EXPORT_SECTION && !exportWritten) {
      parts.push(withTableExport(bytes, section));
      exportWritten = true;
    } else if (section.id === 5) {
      parts.push(withMemoryCap(bytes, section, memoryCapPages));
    } else {
      parts.push(bytes.subarray(section.headerStart, section.end));
    }
  }
  if (!exportWritten) {
    parts.push(sectionBytes(EXPORT_SECTION, [...encodeU32(1), ...tableExportEntry()]));
  }
  return concat(parts);
}

function hasTable(bytes, all) {
  const tables = all.find(s => s.id === 4);
  if (tables && new Reader(bytes, tables.start, tables.end).u32() > 0) {
    return true;
  }
  const section = all.find(s => s.id === 2);
  if (!section) {
    return false;
  }
  const reader = new Reader(bytes, section.start, section.end);
  for (let count = reader.u32(); count > 0; count--) {
    reader.name();
    reader.name();
    const kind = reader.byte();
    if (kind === KIND_TABLE) {
      return true;
    }
    skipImportDescription(reader, kind);
  }
  return false;
}

function skipImportDescription(reader, kind) {
  if (kind === 0x00 || kind === 0x04) { // function: type index; tag: attribute and type index
    if (kind === 0x04) {
      reader.byte();
    }
    reader.u32();
  } else if (kind === 0x02) {
    skipLimits(reader);
  } else if (kind === 0x03) { // global: value type and mutability
    reader.byte();
    reader.byte();
  }
}

function skipLimits(reader) {
  const flags = reader.byte();
  reader.u32();
  if (flags & 0x01) {
    reader.u32();
  }
}

function exportsName(bytes, all, name) {
  const section = all.find(s => s.id === EXPORT_SECTION);
  if (!section) {
    return false;
  }
  const reader = new Reader(bytes, section.start, section.end);
  for (let count = reader.u32(); count > 0; count--) {
    if (reader.name() === name) {
      return true;
    }
    reader.byte();
    reader.u32();
  }
  return false;
}

function withTableExport(bytes, section) {
  const reader = new Reader(bytes, section.start, section.end);
  const count = reader.u32();
  const entries = bytes.subarray(reader.at, section.end);
  return sectionBytes(EXPORT_SECTION, [...encodeU32(count + 1), ...entries, ...tableExportEntry()]);
}

function tableExportEntry() {
  const name = new TextEncoder().encode(TABLE_EXPORT);
  return [...encodeU32(name.length), ...name, KIND_TABLE, ...encodeU32(0)];
}

/** Memory 0 with maximum min(declared, cap), never below its initial size; other limit kinds untouched. */
function withMemoryCap(bytes, section, capPages) {
  const reader = new Reader(bytes, section.start, section.end);
  const count = reader.u32();
  const flags = count > 0 ? reader.byte() : -1;
  if (flags !== 0x00 && flags !== 0x01) {
    return bytes.subarray(section.headerStart, section.end);
  }
  const initial = reader.u32();
  const declared = flags === 0x01 ? reader.u32() : 65536;
  const maximum = Math.max(initial, Math.min(declared, capPages));
  const rest = bytes.subarray(reader.at, section.end);
  return sectionBytes(5, [...encodeU32(count), 0x01, ...encodeU32(initial), ...encodeU32(maximum), ...rest]);
}

function sectionBytes(id, payload) {
  return Uint8Array.from([id, ...encodeU32(payload.length), ...payload]);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
