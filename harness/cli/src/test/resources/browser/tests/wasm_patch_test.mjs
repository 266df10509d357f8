// Checks of the module rewrites in wasm-patch.mjs and the import reader in wasm-binary.mjs, run in
// the browser page by BrowserModuleToolsTest. run() resolves to the failures, [] when all hold.
import { imports } from '../wasm-binary.mjs';
import { TABLE_EXPORT, patchModule } from '../wasm-patch.mjs';

const CAP = 20;

// (type (func)) (func) (table 2 funcref) (elem (i32.const 1) 0) — and no export section.
const NO_EXPORTS = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 4, 4, 1, 112, 0, 2,
  9, 7, 1, 0, 65, 1, 11, 1, 0, 10, 4, 1, 2, 0, 11];
// (memory 1) with no maximum and (export "memory" (memory 0)); no table.
const NO_TABLE = [0, 97, 115, 109, 1, 0, 0, 0, 5, 3, 1, 0, 1, 7, 10, 1, 6, 109, 101, 109, 111, 114, 121, 2, 0];
// (memory 30 40): an initial size above the cap.
const BIG_MEMORY = [0, 97, 115, 109, 1, 0, 0, 0, 5, 4, 1, 1, 30, 40];
// A table already exported under TABLE_EXPORT: (table 1 funcref) (export "__faasm_table" (table 0)).
const ALREADY_EXPORTED = [0, 97, 115, 109, 1, 0, 0, 0, 4, 4, 1, 112, 0, 1,
  7, 17, 1, 13, ...new TextEncoder().encode(TABLE_EXPORT), 1, 0];

export async function run() {
  const failures = [];
  const check = (condition, what) => { if (!condition) failures.push(what); };
  const compile = bytes => new WebAssembly.Module(patchModule(Uint8Array.from(bytes), CAP));
  const exportsOf = module => WebAssembly.Module.exports(module).map(e => `${e.name}:${e.kind}`);

  // A real Faasm-style build: every original export kept, the table added, entries callable.
  const real = new Uint8Array(await (await fetch('wasm/chain_by_ptr.wasm')).arrayBuffer());
  const before = exportsOf(new WebAssembly.Module(real));
  const patched = compile(real);
  check(!before.includes(`${TABLE_EXPORT}:table`), 'chain_by_ptr.wasm exports no table to start with');
  check(before.every(e => exportsOf(patched).includes(e)), `original exports kept: ${exportsOf(patched)}`);
  check(exportsOf(patched).includes(`${TABLE_EXPORT}:table`), `table exported: ${exportsOf(patched)}`);
  const stubs = {};
  for (const i of WebAssembly.Module.imports(patched)) {
    (stubs[i.module] ??= {})[i.name] = () => 0;
  }
  const instance = new WebAssembly.Instance(patched, stubs);
  const table = instance.exports[TABLE_EXPORT];
  check(table instanceof WebAssembly.Table && table.length > 1, 'the exported table has entries');
  check(typeof table.get(1) === 'function', 'table entry 1 is a function');
  // Its initial size is above CAP (a 4 MiB stack comes first), so it may not grow at all.
  const initialPages = instance.exports.memory.buffer.byteLength / 65536;
  check(initialPages > CAP && growUntilRefused(instance.exports.memory) === initialPages, 'memory never grows past max(initial, cap)');

  // No export section at all: one is inserted in its place (before the element section).
  const inserted = new WebAssembly.Instance(compile(NO_EXPORTS), {});
  check(inserted.exports[TABLE_EXPORT]?.length === 2, 'an export section is added when there is none');

  // No table: nothing to export; a memory without a maximum gets the cap.
  const plain = compile(NO_TABLE);
  check(exportsOf(plain).join() === 'memory:memory', `no table, exports unchanged: ${exportsOf(plain)}`);
  check(growUntilRefused(new WebAssembly.Instance(plain, {}).exports.memory) === CAP, 'an unbounded memory is capped');

  // An initial size above the cap stays (the maximum is never below it).
  check(patchModule(Uint8Array.from(BIG_MEMORY), CAP).slice(8).join() === [5, 4, 1, 1, 30, 30].join(), 'a large initial size is kept as the maximum');

  // A module that already exports the name is left with one export of it.
  check(exportsOf(compile(ALREADY_EXPORTED)).join() === `${TABLE_EXPORT}:table`, 'no duplicate export');

  // Import types, which the JS API does not give.
  const state = imports(new Uint8Array(await (await fetch('wasm/state_rw.wasm')).arrayBuffer()));
  const readState = state.find(i => i.name === '__faasm_read_state');
  check(readState?.module === 'env' && readState.params.join() === 'i32,i32,i32' && readState.results.join() === 'i32',
    `__faasm_read_state typed: ${JSON.stringify(readState)}`);
  const stdio = imports(new Uint8Array(await (await fetch('wasm/stdio.wasm')).arrayBuffer()));
  const seek = stdio.find(i => i.name === 'fd_seek');
  check(seek?.params.join() === 'i32,i64,i32,i32', `fd_seek typed: ${JSON.stringify(seek)}`);

  for (const bad of [[1, 2, 3], [0, 97, 115, 109, 2, 0, 0, 0], [0, 97, 115, 109, 1, 0, 0, 0, 1, 9, 1]]) {
    try {
      patchModule(Uint8Array.from(bad), CAP);
      failures.push(`not a module, yet patched: ${bad}`);
    } catch (e) {
      check(e.message.startsWith('not a valid wasm module'), `clear error for ${bad}: ${e.message}`);
    }
  }
  return failures;
}

function growUntilRefused(memory) {
  for (;;) {
    try {
      memory.grow(1);
    } catch (e) {
      return memory.buffer.byteLength / 65536;
    }
  }
}
