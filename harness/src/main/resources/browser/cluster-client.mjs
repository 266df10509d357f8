import { HarnessError } from './errors.mjs';

// Faasm's HTTP API as the browser uses it (reference §3): state through the upload server's /s/,
// chained calls through the planner's EXECUTE_BATCH and EXECUTE_BATCH_STATUS. Every request has a
// deadline, and anything but the expected answers is the harness failing, not the guest.

const EXECUTE_BATCH = 10;
const EXECUTE_BATCH_STATUS = 11;
const PENDING = 'App not registered in results';

const utf8 = new TextDecoder();

export class ClusterClient {
  constructor({ uploadUrl, plannerUrl, user, fetchTimeoutMs }) {
    this.uploadUrl = uploadUrl;
    this.plannerUrl = plannerUrl;
    this.user = user;
    this.timeoutMs = fetchTimeoutMs;
  }

  /** The global value of `key`, or null when the cluster has none (404). */
  async getState(key) {
    const response = await this.send('GET', this.stateUrl(key));
    if (response.status === 404) {
      return null;
    }
    expectOk(response, 'GET /s/');
    return response.body;
  }

  async putState(key, bytes) {
    expectOk(await this.send('PUT', this.stateUrl(key), { body: bytes }), 'PUT /s/');
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

  planner(body) {
    // text/plain keeps the POST a simple request: no preflight (Faasm's planner answers OPTIONS with 400).
    return this.send('POST', this.plannerUrl, { body, headers: { 'Content-Type': 'text/plain' } });
  }

  stateUrl(key) {
    return `${this.uploadUrl}/s/${encodeURIComponent(this.user)}/${encodeURIComponent(key)}`;
  }

  /** One request: {status, body} with the body's bytes. */
  async send(method, url, { body, headers } = {}) {
    try {
      const response = await fetch(url, { method, body, headers, signal: AbortSignal.timeout(this.timeoutMs) });
      return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
    } catch (e) {
      const why = e.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : e.message;
      throw new HarnessError(`cluster unreachable: ${method} ${url}: ${why}`);
    }
  }
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
