// Helpers for the e2e suite (runs inside the VS Code extension host; plain CommonJS).

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Poll `fn` (sync or async) until it returns a truthy value and return that value.
 * The extension host does its work asynchronously (activation, language server start,
 * diagnostics), so tests wait on the condition itself instead of a fixed delay.
 * Throws after `timeoutMs`, naming `what` and the last error `fn` threw, if any.
 */
async function waitFor(fn, timeoutMs = 20000, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${lastError && lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(100);
  }
}

module.exports = { waitFor, sleep };
