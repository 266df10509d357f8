import { agentClient } from './agent-client.mjs';
import { HarnessError, ModuleLoadError } from './errors.mjs';

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
  // Ours, or a third party's host with the same interface (BrowserHost.java).
  const { runEntry } = await import(request.hostModule);
  const input = await client.getBytes(request.inputPath);
  const host = request.bridge === 'sync-xhr' ? await blockingHost(request) : { client, modules: pageModules };
  const result = await runEntry(request, { ...host, input });
  await client.putBytes(request.resultPath, new TextEncoder().encode(JSON.stringify(result)));
}

/**
 * For our host as served under /sync/ (no JSPI, blocking-sync.mjs): a cluster client that blocks in
 * synchronous XHR, and every module the run may call asked of the page before it starts, as a blocked
 * worker cannot wait for the page's answer.
 */
async function blockingHost(request) {
  const { ClusterClient } = await import('./sync/cluster-client.mjs');
  const loaded = new Map();
  for (const name of new Set([request.function, ...request.functions])) {
    loaded.set(name, await pageModules.get(name).then(value => ({ value }), error => ({ error })));
  }
  const modules = {
    get(name) {
      const entry = loaded.get(name) ?? { value: null };
      if (entry.error) {
        throw entry.error;
      }
      return entry.value;
    },
  };
  return { client: new ClusterClient(request), modules };
}
