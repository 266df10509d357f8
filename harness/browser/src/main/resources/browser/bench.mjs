import { send as syncSend } from './blocking-sync.mjs';
import { ClusterCalls, Ids } from './calls.mjs';
import { executeBatchBody, resultsOf, statusBody } from './cluster-client.mjs';
import { HarnessError } from './errors.mjs';
import { HostState } from './state.mjs';

// Timings for the benchmark's browser rows, taken in a worker (bench-worker.mjs) against the cluster.
// Each gets the request and a cluster client, and returns one sample per iteration, in milliseconds.

// (module (import "bench" "step" (func)) (func (export "run") (param i32)
//   (loop (call 0) (br_if 0 (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))))
const STEP_LOOP = Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0,
  1, 8, 2, 96, 0, 0, 96, 1, 127, 0,
  2, 14, 1, 5, 98, 101, 110, 99, 104, 4, 115, 116, 101, 112, 0, 0,
  3, 2, 1, 1,
  7, 7, 1, 3, 114, 117, 110, 0, 1,
  10, 18, 1, 16, 0, 3, 64, 16, 0, 32, 0, 65, 1, 107, 34, 0, 13, 0, 11, 11]);

/**
 * A guest loop whose every step chains the no-op child `noop` into the cluster and awaits it, each
 * step as a fresh app (as one parent with one child; an app's status carries all its results, so one
 * app for every step would time the growing status instead). With `bridge` 'jspi' the step suspends
 * the guest and uses `client` (the agent's in a spec-like worker: the backend's own path); with
 * 'xhr' it blocks in synchronous XMLHttpRequests, like the 2020 proof of concept's bridge (but with
 * real ids and a real await). A sample is one whole step, from the guest's call to the next.
 */
export async function chainRoundTrip(request, client) {
  const ids = new Ids();
  const child = () => ({ id: ids.take(), appId: ids.take(), function: 'noop', funcPtr: 0, input: new Uint8Array(0), cmdline: '' });
  const stamps = [];
  let step;
  if (request.bridge === 'jspi') {
    const calls = new ClusterCalls(client);
    step = new WebAssembly.Suspending(async () => {
      stamps.push(performance.now());
      const message = child();
      calls.chain(message);
      expectSuccess(await calls.await(message.id));
    });
  } else {
    step = () => {
      stamps.push(performance.now());
      const message = child();
      syncPost(request, executeBatchBody(request.user, message), 'EXECUTE_BATCH');
      for (;;) {
        const response = syncPost(request, statusBody(message.appId), null);
        const results = resultsOf(response.status, new TextDecoder().decode(response.body));
        if (results?.has(message.id)) {
          expectSuccess(results.get(message.id));
          return;
        }
      }
    };
  }
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(STEP_LOOP), { bench: { step } });
  const run = request.bridge === 'jspi' ? WebAssembly.promising(exports.run) : exports.run;
  await run(request.iterations);
  stamps.push(performance.now());
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}

/** The state calls' owner in the state bench, which runs no message. */
const BENCH_OWNER = 0;

/** One push and one pull of a `size`-byte value through this host's state tier (PUT and GET /s/). */
export async function statePushPull(request, client) {
  const state = new HostState('bench', { get: key => client.getState(key), put: (key, value) => client.putState(key, value) });
  const value = new Uint8Array(request.size);
  for (let at = 0; at < value.length; at += 65536) {
    crypto.getRandomValues(value.subarray(at, at + 65536));
  }
  const samples = [];
  for (let i = 0; i < request.iterations; i++) {
    await state.write(BENCH_OWNER, 'bench_value', value);
    const start = performance.now();
    await state.push(BENCH_OWNER, 'bench_value');
    await state.pull(BENCH_OWNER, 'bench_value', value.length);
    samples.push(performance.now() - start);
  }
  const pulled = await state.read(BENCH_OWNER, 'bench_value', value.length);
  if (pulled.length !== value.length || pulled.some((b, i) => b !== value[i])) {
    throw new HarnessError('the pulled value differs from the pushed one');
  }
  return samples;
}

/** A planner POST in one synchronous XMLHttpRequest: the bridge a host without JSPI blocks in (blocking-sync.mjs). */
function syncPost(request, body, expectOk) {
  const response = syncSend('POST', request.plannerUrl, { body, headers: { 'Content-Type': 'text/plain' }, timeoutMs: request.fetchTimeoutMs });
  if (expectOk && response.status !== 200) {
    throw new HarnessError(`${expectOk} answered ${response.status}: ${new TextDecoder().decode(response.body)}`);
  }
  return response;
}

function expectSuccess(result) {
  if ((result.returnValue ?? 0) !== 0) {
    throw new HarnessError(`the no-op child failed: ${result.output_data ?? new TextDecoder().decode(result.output)}`);
  }
}
