import { ModuleLoadError } from './errors.mjs';
import { imports } from './wasm-binary.mjs';
import { patchModule } from './wasm-patch.mjs';

// The page the Java backend drives: each run gets a fresh module worker (one logical Faasm host per
// spec); modules are fetched, checked, patched and compiled here once and shared with every worker.
// Java calls window.faasm.run / wait / terminate through Playwright and never blocks the page; a
// run's input and result travel through the page's server instead (RunMailbox.java says why).

const FUNCTION_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
const modules = new Map();
const runs = new Map();
let nextBench = 1;
let faasmTable = null;
let wavmImports = null;
let networkAgent = null;

/** A port to a cluster client for one worker, in the page's network agent (net-agent.mjs says why). */
function agentPort(config) {
  networkAgent ??= new SharedWorker('net-agent.mjs', { type: 'module', name: 'faasm-network-agent' });
  const channel = new MessageChannel();
  networkAgent.port.postMessage({ connect: channel.port1, config }, [channel.port1]);
  return channel.port2;
}

/** {module, imports} for a function, null when there is no such module; errors are remembered too. */
function loadModule(name, memoryCapPages) {
  const key = `${name}@${memoryCapPages}`;
  if (!modules.has(key)) {
    modules.set(key, compile(name, memoryCapPages));
  }
  return modules.get(key);
}

async function compile(name, memoryCapPages) {
  if (!FUNCTION_NAME.test(name) || name === '.' || name === '..') {
    return null;
  }
  const file = `wasm/${name}.wasm`;
  const response = await fetch(file);
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new ModuleLoadError(`${file}: cannot read module: HTTP ${response.status}`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    const declared = imports(bytes);
    return { module: await WebAssembly.compile(patchModule(bytes, memoryCapPages)), imports: declared };
  } catch (e) {
    throw new ModuleLoadError(`${file}: ${e instanceof ModuleLoadError ? e.message : `not a valid wasm module: ${e.message}`}`);
  }
}

function clusterConfig({ uploadUrl, plannerUrl, user, fetchTimeoutMs, givenKeys, probeUploaded }) {
  return { uploadUrl, plannerUrl, user, fetchTimeoutMs, givenKeys, probeUploaded };
}

async function start(request, runId) {
  faasmTable ??= fetch('faasm-imports.json').then(r => r.json());
  request.faasmTable = await faasmTable;
  wavmImports ??= fetch('wavm-imports.json').then(r => r.json());
  request.wavmImports = await wavmImports;
  const worker = new Worker('worker.mjs', { type: 'module' });
  let settle;
  const settled = new Promise(resolve => { settle = resolve; });
  worker.onmessage = ({ data }) => {
    if (data.type === 'module') {
      loadModule(data.name, request.memoryCapPages).then(
        loaded => worker.postMessage({ type: 'module', id: data.id, loaded }),
        e => worker.postMessage({ type: 'module', id: data.id, error: e.message }));
    } else if (data.type === 'done') {
      settle({ done: true });
    } else if (data.type === 'failed') {
      settle({ error: data.error });
    }
  };
  worker.onerror = e => {
    e.preventDefault();
    settle({ error: `the worker failed: ${e.message} (${e.filename}:${e.lineno})` });
  };
  worker.onmessageerror = () => settle({ error: 'the worker sent a message that could not be read' });
  const net = agentPort(clusterConfig(request));
  worker.postMessage({ type: 'run', request, net }, [net]);
  runs.set(runId, { worker, settled });
}

/** The run's outcome as JSON once it has one ({done}, its result put to the server, or {error}), waiting at most `sliceMs`; null while it is still running. */
async function wait(runId, sliceMs) {
  const run = runs.get(runId);
  if (!run) {
    return JSON.stringify({ error: `no run ${runId} on this page` });
  }
  let timer;
  const outcome = await Promise.race([run.settled, new Promise(resolve => { timer = setTimeout(resolve, sliceMs, null); })]);
  clearTimeout(timer);
  if (outcome === null) {
    return null;
  }
  terminate(runId);
  return JSON.stringify(outcome);
}

/** Stops a run's worker at once, even one in an endless loop. */
function terminate(runId) {
  runs.get(runId)?.worker.terminate();
  runs.delete(runId);
}

/**
 * Runs a benchmark of bench.mjs: in a fresh dedicated worker whose requests go through the network
 * agent, as a spec's do, or (`uninstrumented`) in a fresh shared worker of its own, where Playwright
 * does not look and synchronous XHR is allowed too. {samples} or {error} as JSON.
 */
function bench(name, requestJson, uninstrumented) {
  const request = JSON.parse(requestJson);
  return new Promise(resolve => {
    if (uninstrumented) {
      const shared = new SharedWorker('bench-worker.mjs', { type: 'module', name: `faasm-bench-${nextBench++}` });
      shared.port.onmessage = ({ data }) => resolve(data);
      shared.onerror = e => resolve({ error: `the shared worker failed: ${e.message}` });
      shared.port.postMessage({ name, request });
      return;
    }
    const worker = new Worker('bench-worker.mjs', { type: 'module' });
    worker.onmessage = ({ data }) => {
      worker.terminate();
      resolve(data);
    };
    worker.onerror = e => resolve({ error: `the worker failed: ${e.message}` });
    const net = agentPort(clusterConfig(request));
    worker.postMessage({ name, request, net }, [net]);
  }).then(outcome => JSON.stringify(outcome));
}

window.faasm = {
  /** Starts run `runId` (Java numbers the runs) and waits up to `sliceMs` for it, as `wait` does. */
  async run(requestJson, runId, sliceMs) {
    await start(JSON.parse(requestJson), runId);
    return wait(runId, sliceMs);
  },
  wait,
  terminate,
  bench,
  runs: () => runs.size,
};
window.faasmReady = true;
