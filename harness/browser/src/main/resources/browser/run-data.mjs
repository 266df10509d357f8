import { HarnessError } from './errors.mjs';

// A run's input and result, carried by the page's own server (RunMailbox.java) rather than through
// Playwright, whose one connection a large value blocks. The network agent makes these requests,
// where Playwright does not copy their bodies. No deadline of their own: the server is local, and
// the spec's deadline ends a run whose transfer stalls.

const utf8 = new TextDecoder();

export const runData = {
  /** The bytes at `path` on the page's server. */
  async getBytes(path) {
    const response = await fetch(path);
    const body = new Uint8Array(await response.arrayBuffer());
    if (!response.ok) {
      throw new HarnessError(`GET ${path} answered ${response.status}: ${utf8.decode(body)}`);
    }
    return body;
  },

  /** Puts `bytes` at `path` on the page's server. */
  async putBytes(path, bytes) {
    const response = await fetch(path, { method: 'PUT', body: bytes });
    if (!response.ok) {
      throw new HarnessError(`PUT ${path} of ${bytes.length} bytes answered ${response.status}: ${await response.text()}`);
    }
  },
};
