import { agentClient } from './agent-client.mjs';
import * as bench from './bench.mjs';
import { ClusterClient } from './cluster-client.mjs';

// Runs one benchmark from bench.mjs, either in a dedicated worker (with a port to its cluster client
// in the page's network agent, as a spec's worker has) or in a shared worker of its own (plain fetch).

function serve(data, reply) {
  const client = data.net ? agentClient(data.net) : new ClusterClient(data.request);
  bench[data.name](data.request, client).then(
    samples => reply({ samples }),
    e => reply({ error: `${e.name}: ${e.message}` }));
}

if (typeof SharedWorkerGlobalScope !== 'undefined' && self instanceof SharedWorkerGlobalScope) {
  onconnect = ({ ports: [port] }) => {
    port.onmessage = ({ data }) => serve(data, outcome => port.postMessage(outcome));
  };
} else {
  onmessage = ({ data }) => serve(data, outcome => postMessage(outcome));
}
