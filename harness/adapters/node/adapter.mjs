// The Node.js process adapter (../node.yaml): reads one run request (run-request-v1) from standard
// input, runs its entry message with the harness's JavaScript host — the very modules the browser
// column runs — and writes one result (observation-v1) to standard output. Modules are compiled from
// the request's wasmDir as the browser's page compiles them; chained calls and global state go to the
// request's cluster directly (Node has no same-origin rule, so no proxy). Anything the adapter itself
// cannot do is a message on standard error and exit code 1.

import { readFile } from 'node:fs/promises';
import { ClusterClient } from '../../browser/src/main/resources/browser/cluster-client.mjs';
import { HarnessError, ModuleLoadError } from '../../browser/src/main/resources/browser/errors.mjs';
import { runEntry } from '../../browser/src/main/resources/browser/host-run.mjs';
import { imports } from '../../browser/src/main/resources/browser/wasm-binary.mjs';
import { patchModule } from '../../browser/src/main/resources/browser/wasm-patch.mjs';

const PROTOCOL = 'faasm-conformance/run-request/1';
const FUNCTION_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** Modules by function name from `wasmDir`, each compiled once: {module, imports}, or null when there is none. */
function moduleFolder(wasmDir, memoryCapPages) {
  const compiled = new Map();
  return {
    get(name) {
      if (!compiled.has(name)) {
        compiled.set(name, compile(wasmDir, name, memoryCapPages));
      }
      return compiled.get(name);
    },
  };
}

async function compile(wasmDir, name, memoryCapPages) {
  if (!FUNCTION_NAME.test(name) || name === '.' || name === '..') {
    return null;
  }
  const file = `${wasmDir}/${name}.wasm`;
  let bytes;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    if (e.code === 'ENOENT') {
      return null;
    }
    throw new ModuleLoadError(`${file}: cannot read module: ${e.message}`);
  }
  try {
    const declared = imports(bytes);
    return { module: await WebAssembly.compile(patchModule(bytes, memoryCapPages)), imports: declared };
  } catch (e) {
    throw new ModuleLoadError(`${file}: ${e instanceof ModuleLoadError ? e.message : `not a valid wasm module: ${e.message}`}`);
  }
}

async function standardInput() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  const request = JSON.parse(await standardInput());
  if (request.protocol !== PROTOCOL) {
    throw new HarnessError(`this adapter speaks ${PROTOCOL}, not ${request.protocol}`);
  }
  // The state probe comes from the modules' folder, where the page would serve it from its server.
  const client = new ClusterClient(request, () => readFile(`${request.wasmDir}/state_probe.wasm`));
  const modules = moduleFolder(request.wasmDir, request.memoryCapPages);
  const result = await runEntry(request, { client, modules, input: Uint8Array.fromBase64(request.input) });
  // A pipe takes Node's writes asynchronously: exit only once all of it is out.
  await new Promise((resolve, reject) => process.stdout.write(JSON.stringify(result), e => (e ? reject(e) : resolve())));
}

main().then(
  () => process.exit(0),
  e => {
    const expected = e instanceof HarnessError || e instanceof ModuleLoadError;
    process.stderr.write(`${expected ? e.message : `${e.name}: ${e.message}\n${e.stack}`}\n`);
    process.exit(1);
  });
