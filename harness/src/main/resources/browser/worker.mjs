import { agentClient } from './agent-client.mjs';
import { ClusterCalls, Ids, InPlaceCalls, fromResults } from './calls.mjs';
import { randomId } from './cluster-client.mjs';
import { HarnessError, ModuleLoadError } from './errors.mjs';
import { runMessage } from './message.mjs';
import { HostState } from './state.mjs';

// One spec's logical Faasm host: a fresh worker per spec, with its own local state tier. The page
// posts one `run` with a port to its network agent; the worker answers `done` with the entry's
// observation put to the page's server, or `failed` when the harness could not do its part. The
// input comes from that server too, never through Playwright (RunMailbox.java says why). Modules
// come from the page, compiled once for every worker.

const modules = new Map();
const waiting = new Map();
let nextRequest = 1;

/** Modules by function name, asked of the page: {module, imports}, or null when there is none. */
const pageModules = {
  get(name) {
    if (!modules.has(name)) {
      modules.set(name, new Promise((resolve, reject) => {
        const id = nextRequest++;
        waiting.set(id, { resolve, reject });
        postMessage({ type: 'module', id, name });
      }));
    }
    return modules.get(name);
  },
};

onmessage = ({ data }) => {
  if (data.type === 'module') {
    const { resolve, reject } = waiting.get(data.id);
    waiting.delete(data.id);
    data.error ? reject(new ModuleLoadError(data.error)) : resolve(data.loaded);
  } else if (data.type === 'run') {
    run(data.request, agentClient(data.net)).then(
      () => postMessage({ type: 'done' }),
      e => postMessage({ type: 'failed', error: expected(e) ? e.message : `${e.name}: ${e.message}\n${e.stack}` }));
  }
};

/** Failures the harness anticipates (the cluster failing, an entry module that cannot load): their message says it all. */
function expected(e) {
  return e instanceof HarnessError || e instanceof ModuleLoadError;
}

async function run(request, client) {
  const state = new HostState('browser', { get: key => client.getState(key), put: (key, value) => client.putState(key, value) });
  const host = {
    index: 0,
    state,
    modules: pageModules,
    ids: new Ids(),
    faasmTable: request.faasmTable,
    wavmImports: request.wavmImports,
    memoryCapPages: request.memoryCapPages,
    seedFiles: request.files,
    calls: null,
  };
  const runHere = message => runMessage(message, host);
  host.calls = request.placement.chained === 'cluster'
    ? new ClusterCalls(client, request.chainedCallTimeoutMs)
    : new InPlaceCalls(runHere, request.chainedCallTimeoutMs);
  const entry = {
    id: host.ids.take(),
    appId: randomId(),
    user: request.user,
    function: request.function,
    funcPtr: 0,
    input: await client.getBytes(request.inputPath),
    cmdline: request.cmdline,
  };
  let observation;
  if (request.placement.entry === 'jvm') {
    observation = fromResults(await client.run(entry), entry.id);
  } else {
    const loaded = await pageModules.get(entry.function);
    if (!loaded) {
      throw new HarnessError(`no module for function '${entry.function}': wasm/${entry.function}.wasm does not exist`);
    }
    observation = await runMessage(entry, host);
  }
  const local = state.localValues();
  const localState = Object.fromEntries(request.stateKeys.filter(k => local.has(k)).map(k => [k, local.get(k).toBase64()]));
  const result = new TextEncoder().encode(JSON.stringify({ observation: wire(observation), localState }));
  await client.putBytes(request.resultPath, result);
}

/** The observation with its byte fields as base64, for the trip to Java. */
function wire(observation) {
  return {
    ...observation,
    input: observation.input.toBase64(),
    output: observation.output.toBase64(),
    stdout: observation.stdout.toBase64(),
    stderr: observation.stderr.toBase64(),
    chained: observation.chained.map(wire),
  };
}
