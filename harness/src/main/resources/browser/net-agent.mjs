import { ClusterClient } from './cluster-client.mjs';

// The page's network agent. Playwright instruments the network traffic of every page and dedicated
// worker (each request and response body is copied to its driver: ~30 ms per MiB here), but not of
// shared workers; so this shared worker runs each spec's cluster client and the spec's worker calls
// it over a MessagePort (agent-client.mjs). The page hands it one port per worker.

onconnect = ({ ports: [page] }) => {
  page.onmessage = ({ data }) => serve(data.connect, new ClusterClient(data.config));
};

/** Runs the client's calls (getState, putState, run, awaitResult) for one worker; bytes are transferred, not copied. */
function serve(port, client) {
  port.onmessage = async ({ data: { id, call, args } }) => {
    try {
      const value = await client[call](...args);
      port.postMessage({ id, value }, value instanceof Uint8Array ? [value.buffer] : []);
    } catch (e) {
      port.postMessage({ id, error: e.message });
    }
  };
}
