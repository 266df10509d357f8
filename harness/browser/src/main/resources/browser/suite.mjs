import './page.mjs';

// The suite in whatever browser opens this page (the `serve` command, SuitePage.java): it says which
// path blocking host calls take here, then runs each spec the server hands out in a fresh worker of
// page.mjs, exactly as the browser backend's Chromium does, and posts each outcome back; the results
// themselves travel through the run mailbox, as there. Without JSPI our host is loaded from /sync/.

const SLICE_MS = 250;
const status = document.getElementById('status');
const jspi = typeof WebAssembly.Suspending === 'function' && typeof WebAssembly.promising === 'function';
const bridge = jspi ? 'jspi' : 'sync-xhr';

function show(text) {
  status.textContent = text;
}

/** Posts `body` as JSON; a 410 (the server no longer wants a run's outcome: its time was up) is no error. */
async function post(path, body) {
  const response = await fetch(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'text/plain' } });
  if (!response.ok && response.status !== 410) {
    throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  }
}

/** Runs one handed-out request to its outcome, stopping its worker when the server no longer wants it. */
async function runOne({ runId, request }) {
  request.bridge = bridge;
  if (!jspi && request.hostModule === './host-run.mjs') {
    request.hostModule = './sync/host-run.mjs';
  }
  let outcome = await window.faasm.run(JSON.stringify(request), runId, SLICE_MS);
  while (outcome === null) {
    if ((await fetch(`suite/wanted/${runId}`)).status !== 200) {
      window.faasm.terminate(runId);
      return;
    }
    outcome = await window.faasm.wait(runId, SLICE_MS);
  }
  await post(`suite/outcome/${runId}`, JSON.parse(outcome));
}

async function main() {
  await post('suite/hello', { bridge });
  let count = 0;
  for (;;) {
    const response = await fetch('suite/next');
    if (response.status === 204) {
      continue;
    }
    if (!response.ok) {
      throw new Error(`GET suite/next answered ${response.status}: ${await response.text()}`);
    }
    const next = await response.json();
    if (next.end) {
      show(`Done: ${count} runs (blocking calls through ${bridge}). ${next.end}`);
      return;
    }
    show(`Running ${next.specId} (${++count} so far; blocking calls through ${bridge})`);
    await runOne(next);
  }
}

main().catch(e => show(`Stopped: ${e.message}`));
