// How a blocking host call blocks. Here, with JSPI: the call's body is async and suspends the guest
// (WebAssembly.Suspending) while the worker's event loop runs on. A browser without JSPI gets the
// host as served under /sync/ (StaticServer), where every async/await is taken out and this module
// is blocking-sync.mjs, whose calls block the worker in synchronous XMLHttpRequests instead.

import { HarnessError } from './errors.mjs';

/** Which path blocking calls take, as the report names it. */
export const BRIDGE = 'jspi';

/** An export the guest is entered through, so that its imports may suspend it. */
export const promising = entry => WebAssembly.promising(entry);

/** Waits `ms` milliseconds. */
export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** One request within `timeoutMs`: {status, body} with the body's bytes. */
export async function send(method, url, { body, headers, timeoutMs }) {
  try {
    const response = await fetch(url, { method, body, headers, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
  } catch (e) {
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.message;
    throw new HarnessError(`cluster unreachable: ${method} ${url}: ${why}`);
  }
}

/** `work` started now; a failure is reported when the result is settled. */
export function begun(work) {
  const pending = work();
  pending.catch(() => {});
  return pending;
}

/** `work` started once the caller suspends or finishes, as a call on another thread would be. */
export function later(work) {
  return begun(() => Promise.resolve().then(work));
}

/** The value of what begun or later gave (awaited by the caller). */
export const settle = pending => pending;

/** The value of `pending` if it settles within `timeoutMs`, else `fallback`; a missing one waits out the whole timeout. */
export function within(pending, timeoutMs, fallback) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback), timeoutMs);
    pending?.then(value => {
      clearTimeout(timer);
      resolve(value);
    }, e => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Waits until `register` calls back the resolver it is given (a lock another message holds). */
export function waitFor(register) {
  return new Promise(register);
}
