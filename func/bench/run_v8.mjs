// V8 (Node) timing runner for the bench_*.wasm kernels.
//
// Usage: node run_v8.mjs <module.wasm> <n> <warmup> <warmup_ms> <iterations> <budget_ms>
// Every import is a stub that throws: bench_kernel must not call the host.
// Prints one JSON object: {"checksum":..,"warmup":..,"samples_ns":[..],"node":..,"v8":..}.
// Warm-up lasts at least <warmup> calls and <warmup_ms>; warm-up and measured loops stop early
// once budget_ms is spent (at least one sample). Same rules as TimedLoop.java and native_main.c.
import { readFileSync } from 'node:fs';

const [path, nArg, warmupArg, warmupMsArg, iterationsArg, budgetArg] = process.argv.slice(2);
if (budgetArg === undefined) {
  console.error('usage: node run_v8.mjs <module.wasm> <n> <warmup> <warmup_ms> <iterations> <budget_ms>');
  process.exit(2);
}
const n = Number(nArg);
const warmup = Number(warmupArg);
const warmupNs = BigInt(warmupMsArg) * 1000000n;
const iterations = Math.max(1, Number(iterationsArg));
const budgetNs = BigInt(budgetArg) * 1000000n;

const module = new WebAssembly.Module(readFileSync(path));
const imports = {};
for (const imp of WebAssembly.Module.imports(module)) {
  if (imp.kind !== 'function') {
    throw new Error(`unsupported import kind ${imp.kind}: ${imp.module}.${imp.name}`);
  }
  (imports[imp.module] ??= {})[imp.name] = () => {
    throw new Error(`bench kernel called import ${imp.module}.${imp.name}`);
  };
}
// No _start: instantiation alone does not run main.
const instance = new WebAssembly.Instance(module, imports);
const kernel = instance.exports.bench_kernel;
if (typeof kernel !== 'function') {
  throw new Error(`${path} does not export bench_kernel`);
}

const now = process.hrtime.bigint;
let checksum = 0;
let warmed = 0;
let start = now();
for (let t = 0n; (warmed < warmup || t < warmupNs) && t < budgetNs; t = now() - start) {
  checksum = kernel(n);
  warmed++;
}
const samples = [];
start = now();
while (samples.length < iterations && (samples.length === 0 || now() - start < budgetNs)) {
  const t0 = now();
  const c = kernel(n);
  samples.push(Number(now() - t0));
  if ((warmed > 0 || samples.length > 1) && c !== checksum) {
    throw new Error(`checksum changed between calls: ${checksum} then ${c}`);
  }
  checksum = c;
}
console.log(JSON.stringify({
  checksum, warmup: warmed, samples_ns: samples, node: process.version, v8: process.versions.v8,
}));
