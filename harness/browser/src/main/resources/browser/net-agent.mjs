import { ClusterClient } from './cluster-client.mjs';
import { runData } from './run-data.mjs';

// The page's network agent. Playwright instruments the network traffic of every page and dedicated
// worker (each request and response body is copied to its driver: ~30 ms per MiB here), but not of
// shared workers; so this shared worker runs each spec's cluster client and the spec's worker calls
// it over a MessagePort (agent-client.mjs), and fetches each run's input and puts its result
// (run-data.mjs). The page hands it one port per worker.

onconnect = ({ ports: [page] }) => {
  page.onmessage = ({ data }) => serve(data.connect, new ClusterClient(data.config));
};

/** Runs the client's calls (getState, putState, run, awaitResult) and run data's for one worker; bytes are transferred, not copied. */
function serve(port, client) {
  port.onmessage = async ({ data: { id, call, args } }) => {
    try {
      const value = await (Object.hasOwn(runData, call) ? runData : client)[call](...args);
      port.postMessage({ id, value }, value instanceof Uint8Array ? [value.buffer] : []);
    } catch (e) {
      port.postMessage({ id, error: e.message });
    }
  };
}
