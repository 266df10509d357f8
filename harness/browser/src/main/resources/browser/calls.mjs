import { begun, later, settle, within } from './blocking.mjs';
import { HarnessError } from './errors.mjs';

// Where a message's chained calls run: in place (a fresh instance in this worker, interleaved on its
// event loop and sharing its local state tier), or on the cluster (EXECUTE_BATCH, then polling for
// the result). Either way chain() returns the id at once with the call in flight (reference §2.4).

/** Message ids the way Faasm's gids work: a random base per host plus a counter, never 0. */
export class Ids {
  constructor() {
    // Above the embedded planner's own range (2^29..2^30), so browser ids and cluster ids never meet.
    this.next = 2 ** 30 + crypto.getRandomValues(new Uint32Array(1))[0] % 2 ** 29;
  }

  take() {
    return this.next++ | 0;
  }
}

/** faabric's EMPTY message, what an await gets when no result comes in time: return value 0, no output. */
const EMPTY = { returnValue: 0, output: new Uint8Array(0) };

/**
 * Faasm's CHAINED_CALL_TIMEOUT (faasm:src/conf/FaasmConfig.cpp:31): how long an await waits for a call
 * that exists (the spec's deadline ends a longer wait). `awaitTimeoutMs` is for an id no one has made.
 */
const FAASM_CHAINED_CALL_TIMEOUT_MS = 300_000;

export class InPlaceCalls {
  constructor(run, awaitTimeoutMs) {
    this.run = run;
    this.awaitTimeoutMs = awaitTimeoutMs;
    this.pending = new Map();
  }

  chain(message) {
    // A failure is reported when the call is awaited (the caller always awaits it at the end).
    this.pending.set(message.id, later(() => this.run(message)));
    return message.id;
  }

  /** The result of a call this worker ran (the harness collecting a message's children). */
  await(id) {
    return settle(this.pending.get(id));
  }

  /** A guest's await: every in-place call is of the entry's app, so any of them can be awaited. */
  awaitResult(appId, id) {
    const call = this.pending.get(id);
    return within(call, call === undefined ? this.awaitTimeoutMs : FAASM_CHAINED_CALL_TIMEOUT_MS, EMPTY);
  }
}

export class ClusterCalls {
  /** @param client a ClusterClient, or the agent's (agent-client.mjs) */
  constructor(client, awaitTimeoutMs) {
    this.client = client;
    this.awaitTimeoutMs = awaitTimeoutMs;
    this.pending = new Map();
  }

  /** Submits the call and waits for its result in the background, so an await needs nothing more. */
  chain(message) {
    // A failure is reported when the call is awaited (the caller always awaits it at the end).
    this.pending.set(message.id, begun(() => this.client.run(message)));
    return message.id;
  }

  async await(id) {
    return fromResults(await settle(this.pending.get(id)), id);
  }

  /** A guest's await: a call made here, or any other message of the app the planner has a result for. */
  async awaitResult(appId, id) {
    if (this.pending.has(id)) {
      return within(this.await(id), FAASM_CHAINED_CALL_TIMEOUT_MS, EMPTY);
    }
    const results = await this.client.awaitResult(appId, id, this.awaitTimeoutMs);
    return results ? fromResults(results, id) : EMPTY;
  }
}

const THREW = /^Task \d+ threw exception\. What: (.*)$/s;
const NOT_FOUND = 'Error trying to claim executor';

/** The observation of message `id` and its chained calls from an app's results; the outcome is read back from Faasm's texts. */
export function fromResults(results, id) {
  const result = results.get(id);
  if (!result) {
    throw new HarnessError(`the cluster reported no result for message ${id >>> 0}`);
  }
  const output = result.output_data ?? '';
  const returnValue = result.returnValue ?? 0;
  const threw = returnValue !== 0 ? THREW.exec(output) : null;
  const outcome = threw ? 'HOST_ERROR' : returnValue !== 0 && output === NOT_FOUND ? 'NOT_FOUND' : 'RETURNED';
  const worker = /^worker-(\d+)$/.exec(result.executedHost ?? '');
  return {
    function: result.function,
    funcPtr: result.funcPtr ?? 0,
    input: Uint8Array.fromBase64(result.input_data ?? ''),
    outcome,
    returnValue,
    output: new TextEncoder().encode(output),
    error: threw ? threw[1] : outcome === 'NOT_FOUND' ? NOT_FOUND : '',
    stdout: new Uint8Array(0),
    stderr: new Uint8Array(0),
    // The browser is host 0; cluster workers follow it.
    host: worker ? Number(worker[1]) + 1 : 1,
    chained: (result.chainedMsgIds ?? []).filter(c => results.has(c)).map(c => fromResults(results, c)),
    trace: [],
    timings: { instantiateNanos: 0, executeNanos: 0 },
  };
}
