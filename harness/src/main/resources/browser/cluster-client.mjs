import { HarnessError } from './errors.mjs';

// Faasm's HTTP API as the browser uses it (reference §3): state through the upload server's /s/,
// chained calls through the planner's EXECUTE_BATCH and EXECUTE_BATCH_STATUS. Every request has a
// deadline, and anything but the expected answers is the harness failing, not the guest.

const EXECUTE_BATCH = 10;
const EXECUTE_BATCH_STATUS = 11;
const PENDING = 'App not registered in results';

export class ClusterClient {
  constructor({ uploadUrl, plannerUrl, user, fetchTimeoutMs }) {
    this.uploadUrl = uploadUrl;
    this.plannerUrl = plannerUrl;
    this.user = user;
    this.timeoutMs = fetchTimeoutMs;
  }

  /** The global value of `key`, or null when the cluster has none (404). */
  async getState(key) {
    const response = await this.request('GET', this.stateUrl(key));
    if (response.status === 404) {
      return null;
    }
    await expectOk(response, 'GET /s/');
    return new Uint8Array(await response.arrayBuffer());
  }

  async putState(key, bytes) {
    const response = await this.request('PUT', this.stateUrl(key), { body: bytes });
    await expectOk(response, 'PUT /s/');
  }

  /** Submits one message (Faasm's client chooses the app and message ids). */
  async execute(message) {
    const payload = {
      appId: message.appId,
      user: this.user,
      function: message.function,
      messages: [{
        id: message.id,
        appId: message.appId,
        user: this.user,
        function: message.function,
        funcPtr: message.funcPtr,
        input_data: message.input.toBase64(),
        cmdline: message.cmdline,
      }],
    };
    const response = await this.planner(EXECUTE_BATCH, payload);
    await expectOk(response, 'EXECUTE_BATCH');
  }

  /** Polls the app's status until the result of message `id` is in; then every result of the app by id. */
  async awaitResult(appId, id) {
    for (;;) {
      const response = await this.planner(EXECUTE_BATCH_STATUS, { appId, expectedNumMessages: 1 });
      const text = await response.text();
      if (response.status === 500 && text === PENDING) {
        continue; // the planner holds each status request until progress or a short wait, so this does not spin
      }
      if (response.status !== 200) {
        throw new HarnessError(`EXECUTE_BATCH_STATUS answered ${response.status}: ${text}`);
      }
      const results = new Map((JSON.parse(text).messageResults ?? []).map(r => [r.id, r]));
      if (results.has(id)) {
        return results;
      }
    }
  }

  planner(type, payload) {
    // text/plain keeps the POST a simple request: no preflight (Faasm's planner answers OPTIONS with 400).
    return this.request('POST', this.plannerUrl, {
      body: JSON.stringify({ http_type: type, payload: JSON.stringify(payload) }),
      headers: { 'Content-Type': 'text/plain' },
    });
  }

  stateUrl(key) {
    return `${this.uploadUrl}/s/${encodeURIComponent(this.user)}/${encodeURIComponent(key)}`;
  }

  async request(method, url, init = {}) {
    try {
      return await fetch(url, { ...init, method, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (e) {
      const why = e.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : e.message;
      throw new HarnessError(`cluster unreachable: ${method} ${url}: ${why}`);
    }
  }
}

async function expectOk(response, what) {
  if (response.status !== 200) {
    throw new HarnessError(`${what} answered ${response.status}: ${await response.text()}`);
  }
}
