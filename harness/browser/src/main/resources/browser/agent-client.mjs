import { HarnessError } from './errors.mjs';

/**
 * A worker's cluster client, run by the page's network agent (net-agent.mjs says why): the same
 * calls as ClusterClient's getState, putState, run and awaitResult, and run-data.mjs's getBytes and
 * putBytes, each one message there and one back.
 */
export function agentClient(port) {
  const waiting = new Map();
  let nextId = 1;
  port.onmessage = ({ data }) => {
    const call = waiting.get(data.id);
    waiting.delete(data.id);
    data.error === undefined ? call.resolve(data.value) : call.reject(new HarnessError(data.error));
  };
  // The agent gone (its process crashed): nothing will answer the calls in flight.
  port.addEventListener('close', () => {
    waiting.forEach(call => call.reject(new HarnessError("the page's network agent is gone")));
    waiting.clear();
  });
  const call = (name, args, transfer = []) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    port.postMessage({ id, call: name, args }, transfer);
  });
  return {
    getState: key => call('getState', [key]),
    putState: (key, bytes) => {
      const copy = bytes.slice();
      return call('putState', [key, copy], [copy.buffer]);
    },
    run: message => call('run', [message]),
    awaitResult: (appId, id, timeoutMs) => call('awaitResult', [appId, id, timeoutMs]),
    getBytes: path => call('getBytes', [path]),
    putBytes: (path, bytes) => call('putBytes', [path, bytes], [bytes.buffer]),
  };
}
