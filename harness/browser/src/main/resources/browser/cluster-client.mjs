import { send } from './blocking.mjs';
import { HarnessError } from './errors.mjs';

// Faasm's HTTP API as the browser uses it (reference §3): state through the upload server's /s/,
// chained calls through the planner's EXECUTE_BATCH and EXECUTE_BATCH_STATUS. Every request has a
// deadline, and anything but the expected answers is the harness failing, not the guest.
//
// GET /s/ of a key with no value crashes Faasm's upload server (reference §0.1 item 2), so a key is
// read only once the cluster is known to have a value for it: given to the spec, put here, or found
// by our state probe (func/state_probe.c), whose size query creates and claims nothing. A real
// worker's first read of a fresh key asks the same question over faabric's state server and, with
// no answer, becomes the key's main.

const EXECUTE_BATCH = 10;
const EXECUTE_BATCH_STATUS = 11;
const PENDING = 'App not registered in results';
const STATE_PROBE = 'state_probe';

const utf8 = new TextDecoder();

export class ClusterClient {
  /** @param probeModule the state probe's wasm bytes (default: served with the page's other modules) */
  constructor({ uploadUrl, plannerUrl, user, fetchTimeoutMs, givenKeys = [], probeUploaded = false }, probeModule = null) {
    this.uploadUrl = uploadUrl;
    this.plannerUrl = plannerUrl;
    this.user = user;
    this.timeoutMs = fetchTimeoutMs;
    /** Keys the cluster has a value for (values are never deleted). */
    this.present = new Set(givenKeys);
    /** The state probe's upload as this user, once it is needed (the backend may have done it). */
    this.probeUpload = probeUploaded ? Promise.resolve() : null;
    this.probeModule = probeModule ?? (() => this.pageModule(STATE_PROBE));
  }

  /** The global value of `key`, or null when the cluster has none. */
  async getState(key) {
    if (!this.present.has(key)) {
      if (await this.stateSize(key) === 0) {
        return null;
      }
      this.present.add(key);
    }
    const response = await this.send('GET', this.stateUrl(key));
    expectOk(response, 'GET /s/');
    return response.body;
  }

  async putState(key, bytes) {
    expectOk(await this.send('PUT', this.stateUrl(key), { body: bytes }), 'PUT /s/');
    if (bytes.length > 0) {
      this.present.add(key);
    }
  }

  /** The global size of `key` (0: no value), asked of the state probe run on the cluster as this user. */
  async stateSize(key) {
    this.probeUpload ??= this.uploadProbe();
    await this.probeUpload;
    const message = {
      appId: randomId(), id: randomId(), function: STATE_PROBE, funcPtr: 0, cmdline: '',
      input: new TextEncoder().encode(`size\n${key}`),
    };
    const result = (await this.run(message)).get(message.id);
    const size = Number.parseInt(result.output_data ?? '', 10);
    if ((result.returnValue ?? 0) !== 0 || Number.isNaN(size)) {
      throw new HarnessError(`the state probe failed for key '${key}': ${result.output_data ?? ''}`);
    }
    return size;
  }

  /** Submits one message (Faasm's client chooses the app and message ids). */
  async execute(message) {
    expectOk(await this.planner(executeBatchBody(this.user, message)), 'EXECUTE_BATCH');
  }

  /** Submits a message and waits for its result: every result of its app by message id. */
  async run(message) {
    await this.execute(message);
    return this.awaitResult(message.appId, message.id);
  }

  /**
   * Polls the app's status until the result of message `id` is in; then every result of the app by id.
   * After `timeoutMs` (if given) without it: null.
   */
  async awaitResult(appId, id, timeoutMs = Infinity) {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      // The planner holds each status request until progress or a short wait, so this does not spin.
      const response = await this.planner(statusBody(appId));
      const results = resultsOf(response.status, utf8.decode(response.body));
      if (results?.has(id)) {
        return results;
      }
    }
    return null;
  }

  /** Uploads the state probe; true, so that the host without JSPI, where this returns no promise, remembers it did. */
  async uploadProbe() {
    const url = `${this.uploadUrl}/f/${encodeURIComponent(this.user)}/${STATE_PROBE}`;
    expectOk(await this.send('PUT', url, { body: await this.probeModule() }), 'PUT /f/ of the state probe');
    return true;
  }

  /** A module served by the page's server. */
  async pageModule(name) {
    const wasm = await this.send('GET', new URL(`wasm/${name}.wasm`, import.meta.url).href);
    expectOk(wasm, `loading ${name}`);
    return wasm.body;
  }

  planner(body) {
    // text/plain keeps the POST a simple request: no preflight (Faasm's planner answers OPTIONS with 400).
    return this.send('POST', this.plannerUrl, { body, headers: { 'Content-Type': 'text/plain' } });
  }

  stateUrl(key) {
    return `${this.uploadUrl}/s/${encodeURIComponent(this.user)}/${encodeURIComponent(key)}`;
  }

  /** One request: {status, body} with the body's bytes. */
  send(method, url, { body, headers } = {}) {
    return send(method, url, { body, headers, timeoutMs: this.timeoutMs });
  }
}

/** Faasm's clients choose app and message ids: non-zero, and never reused. */
export function randomId() {
  return 1 + crypto.getRandomValues(new Uint32Array(1))[0] % (2 ** 31 - 1);
}

/** The planner's envelope: {http_type, payload}, the payload itself JSON in a string. */
function envelope(type, payload) {
  return JSON.stringify({ http_type: type, payload: JSON.stringify(payload) });
}

/** EXECUTE_BATCH of one message, whose ids the client chose. */
export function executeBatchBody(user, message) {
  return envelope(EXECUTE_BATCH, {
    appId: message.appId,
    user,
    function: message.function,
    messages: [{
      id: message.id,
      appId: message.appId,
      user,
      function: message.function,
      funcPtr: message.funcPtr,
      input_data: message.input.toBase64(),
      cmdline: message.cmdline,
    }],
  });
}

export function statusBody(appId) {
  return envelope(EXECUTE_BATCH_STATUS, { appId, expectedNumMessages: 1 });
}

/** An EXECUTE_BATCH_STATUS answer: the app's results by message id, or null while none is in. */
export function resultsOf(status, text) {
  if (status === 500 && text === PENDING) {
    return null;
  }
  if (status !== 200) {
    throw new HarnessError(`EXECUTE_BATCH_STATUS answered ${status}: ${text}`);
  }
  return new Map((JSON.parse(text).messageResults ?? []).map(r => [r.id, r]));
}

function expectOk(response, what) {
  if (response.status !== 200) {
    throw new HarnessError(`${what} answered ${response.status}: ${utf8.decode(response.body)}`);
  }
}
