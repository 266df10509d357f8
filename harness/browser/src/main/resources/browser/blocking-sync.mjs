// blocking.mjs for a browser without JSPI, as /sync/blocking.mjs: the host under /sync/ has no
// async left, so a blocking call blocks the worker itself, in synchronous XMLHttpRequests (the 2020
// proof of concept's bridge). Nothing else runs meanwhile: an in-place chained call runs when it is
// awaited (or when its caller finishes), and a lock held by a suspended message cannot be waited for.

import { HarnessError, StateError } from './errors.mjs';

export const BRIDGE = 'sync-xhr';

/** Nothing suspends: the guest is entered as it is. */
export const promising = entry => entry;

/** Waits `ms` milliseconds, busy (a worker has no blocking sleep without shared memory). */
export function sleep(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

/** One synchronous request within `timeoutMs`: {status, body} with the body's bytes. */
export function send(method, url, { body, headers = {}, timeoutMs }) {
  const xhr = new XMLHttpRequest();
  xhr.open(method, url, false);
  // Allowed in workers only, as synchronous XHR with a response type is.
  xhr.timeout = timeoutMs;
  xhr.responseType = 'arraybuffer';
  Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
  try {
    xhr.send(body ?? null);
  } catch (e) {
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.message;
    throw new HarnessError(`cluster unreachable: ${method} ${url}: ${why}`);
  }
  return { status: xhr.status, body: new Uint8Array(xhr.response ?? new ArrayBuffer(0)) };
}

/** A call's result or failure, computed once, when first settled. */
class Pending {
  constructor(work) {
    this.work = work;
    this.done = false;
  }

  settle() {
    if (!this.done) {
      try {
        this.value = this.work();
      } catch (e) {
        this.error = e;
      }
      this.done = true;
    }
    if (this.error !== undefined) {
      throw this.error;
    }
    return this.value;
  }
}

/** `work` done now; a failure is reported when the result is settled. */
export function begun(work) {
  const pending = new Pending(work);
  try {
    pending.settle();
  } catch {
    // kept for settle
  }
  return pending;
}

/** `work` done when its result is first settled. */
export const later = work => new Pending(work);

export const settle = pending => (pending instanceof Pending ? pending.settle() : pending);

/** Blocking: the value, however long it takes; a missing one waits out the whole timeout. */
export function within(pending, timeoutMs, fallback) {
  if (pending === undefined) {
    sleep(timeoutMs);
    return fallback;
  }
  return settle(pending);
}

/** Nothing else runs while this worker blocks: a wait could never end. */
export function waitFor() {
  throw new StateError('the lock is held by another message of this worker, which cannot run while this one waits (no JSPI)');
}
