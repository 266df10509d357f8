import { ClusterCalls, Ids, InPlaceCalls, fromResults } from './calls.mjs';
import { randomId } from './cluster-client.mjs';
import { HarnessError } from './errors.mjs';
import { runMessage } from './message.mjs';
import { HostState } from './state.mjs';

// One spec's logical Faasm host, wherever it runs (a browser worker, the Node adapter): a fresh local
// state tier, chained calls in place or on the cluster, and the entry message run here or there.

/**
 * Runs the request's entry message; its observation (bytes in base64, as the harness reads it) and
 * the host's own copy of every requested state key.
 *
 * @param request the run request (user, function, cmdline, placement, stateKeys, limits, host interface)
 * @param client the cluster: getState, putState, run, awaitResult
 * @param modules get(name): {module, imports}, or null when there is no such module
 * @param input the entry's input bytes
 */
export async function runEntry(request, { client, modules, input }) {
  const state = new HostState('browser', { get: key => client.getState(key), put: (key, value) => client.putState(key, value) });
  const host = {
    index: 0,
    state,
    modules,
    ids: new Ids(),
    faasmTable: request.faasmTable,
    wavmImports: request.wavmImports,
    memoryCapPages: request.memoryCapPages,
    mutant: request.mutant ?? null,
    seedFiles: request.files ?? {},
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
    input,
    cmdline: request.cmdline,
  };
  let observation;
  if (request.placement.entry === 'jvm') {
    observation = fromResults(await client.run(entry), entry.id);
  } else {
    const loaded = await modules.get(entry.function);
    if (!loaded) {
      throw new HarnessError(`no module for function '${entry.function}': wasm/${entry.function}.wasm does not exist`);
    }
    observation = await runMessage(entry, host);
  }
  const local = state.localValues();
  const localState = Object.fromEntries(request.stateKeys.filter(k => local.has(k)).map(k => [k, local.get(k).toBase64()]));
  return { observation: wire(observation), localState };
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
