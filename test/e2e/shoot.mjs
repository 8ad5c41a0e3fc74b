#!/usr/bin/env node
// Drive a VS Code workbench served in a browser (code-server, or any VS Code web build)
// with playwright-core + a system Chromium, run a list of steps, take PNG screenshots.
//
// Usage:
//   node shoot.mjs --url http://127.0.0.1:8080/?folder=/abs/ws --out ./shots [options] STEP...
//
// Options:
//   --url URL              workbench URL (required)
//   --out DIR              screenshot folder (default ./shots)
//   --chromium PATH        browser binary (default $CHROMIUM or /usr/bin/chromium)
//   --playwright DIR       folder whose node_modules has playwright-core (default $PLAYWRIGHT_CORE_DIR,
//                          then this script's folder, then the current folder)
//   --size WxH             viewport (default 1440x900)
//   --timeout MS           per-step timeout (default 60000)
//   --headed               run headed (needs a display, e.g. xvfb-run)
//
// Steps (run in order; the script exits 1 on the first failing step and saves failure.png):
//   shot=NAME              screenshot of the page to OUT/NAME.png
//   open=REL/PATH          open a workspace file via Quick Open (Ctrl+P), wait for its editor tab
//   goto=LINE:COL          move the cursor (Ctrl+G)
//   hover=LINE:COL         move the cursor there and show the hover (editor.action.showHover); wait for it
//   mousehover=TEXT        move the mouse over the first visible editor token containing TEXT; wait for hover
//   diagnostics[=N]        wait until the editor shows a squiggle and the status bar counts >= N problems (default 1);
//                          diagnostics=0: the editor shows no squiggle and the status bar counts 0 problems
//                          (for a clean file: put it after a step that proves the language server answered, e.g. hover)
//   problems               open the Problems panel (View: Focus Problems), wait for its rows or its "No problems" text
//   view=NAME              focus a view by its name (command palette: "Focus on NAME View")
//   command=TEXT           run a command palette entry whose label matches TEXT (first match)
//   press=KEY              keyboard press, Playwright syntax (Escape, Control+Shift+P, ...)
//   type=TEXT              type text at the focus
//   click=TEXT             click the first visible element whose text is TEXT
//   expect=TEXT            wait until TEXT is visible somewhere in the workbench
//   wait=MS                sleep (last resort: every other step waits on a condition, not on time)
//
// Example:
//   node shoot.mjs --url "http://127.0.0.1:8080/?folder=$PWD/ws" --out shots \
//     shot=workbench open=sample.yaml diagnostics shot=diagnostics problems shot=problems \
//     press=Escape hover=5:13 shot=hover view="Probe Tree" expect="Alpha item" shot=tree
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = { out: 'shots', size: '1440x900', timeout: 60000, headed: false, steps: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    if (a === '--url') opts.url = next();
    else if (a === '--out') opts.out = next();
    else if (a === '--chromium') opts.chromium = next();
    else if (a === '--playwright') opts.playwright = next();
    else if (a === '--size') opts.size = next();
    else if (a === '--timeout') opts.timeout = Number(next());
    else if (a === '--headed') opts.headed = true;
    else if (a === '-h' || a === '--help') { opts.help = true; }
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else {
      const eq = a.indexOf('=');
      opts.steps.push(eq < 0 ? { op: a, arg: undefined } : { op: a.slice(0, eq), arg: a.slice(eq + 1) });
    }
  }
  return opts;
}

function loadPlaywright(dirHint) {
  const candidates = [dirHint, process.env.PLAYWRIGHT_CORE_DIR, here, process.cwd()].filter(Boolean);
  for (const dir of candidates) {
    try {
      const req = createRequire(path.join(path.resolve(dir), 'noop.js'));
      return req('playwright-core');
    } catch { /* try next */ }
  }
  throw new Error(`playwright-core not found from: ${candidates.join(', ')} (npm install playwright-core in one of them)`);
}

const log = (...a) => console.log(`[shoot ${new Date().toISOString().slice(11, 19)}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help || !opts.url) {
    const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
    console.log(src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(opts.help ? 0 : 2);
  }
  const { chromium } = loadPlaywright(opts.playwright);
  const exe = opts.chromium || process.env.CHROMIUM || '/usr/bin/chromium';
  const [w, h] = opts.size.split('x').map(Number);
  fs.mkdirSync(opts.out, { recursive: true });

  // Chromium writes crash-report folders under XDG_CONFIG_HOME even with a fresh profile: keep them in a temp dir
  const browserHome = fs.mkdtempSync(path.join(os.tmpdir(), 'shoot-chromium-'));
  process.on('exit', () => fs.rmSync(browserHome, { recursive: true, force: true }));
  const browser = await chromium.launch({
    executablePath: exe,
    headless: !opts.headed,
    env: { ...process.env, XDG_CONFIG_HOME: browserHome, XDG_CACHE_HOME: browserHome },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(opts.timeout);
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

  const T = opts.timeout;
  const shot = async (name) => {
    const file = path.join(opts.out, `${name}.png`);
    await page.screenshot({ path: file });
    log('screenshot', file);
  };

  // Let the renderer paint what the last input caused (two animation frames), instead of sleeping.
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  const quickInput = page.locator('.quick-input-widget');
  const quickInputBox = page.locator('.quick-input-widget input.input');
  const focusedRow = page.locator('.quick-input-widget .monaco-list-row.focused');

  async function palette(prefix, text) {
    // prefix: '>' for commands, '' for files, ':' for go to line
    await page.keyboard.press('Escape');
    await page.keyboard.press(prefix === '>' ? 'F1' : 'Control+P');
    await quickInputBox.waitFor({ state: 'visible', timeout: T });
    await quickInputBox.fill(prefix === '>' ? `>${text}` : `${prefix}${text}`);
  }

  async function accept(hasText) {
    // Enter only once the list has settled on a focused entry (with that text, if given)
    await (hasText ? focusedRow.filter({ hasText }) : focusedRow).first().waitFor({ state: 'visible', timeout: T });
    await page.keyboard.press('Enter');
    await quickInput.waitFor({ state: 'hidden', timeout: T }).catch(() => {});
  }

  async function openFile(rel) {
    const base = path.basename(rel);
    await palette('', rel);
    try {
      // file search may take a while on first use (ripgrep warm-up)
      await accept(base);
    } catch (e) {
      // no file search (e.g. a virtual file system): click the name in the Explorer instead
      log(`quick open found no ${base}; clicking it in the Explorer`);
      await page.keyboard.press('Escape');
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: base }).first().click({ timeout: T });
    }
    await page.locator(`.tabs-container .tab.active[aria-label*="${base}"], .tabs-container .tab.active:has-text("${base}")`).first()
      .waitFor({ state: 'visible', timeout: T });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: T });
    await focusEditor();
  }

  async function focusEditor() {
    // focusing the editor's input element keeps the cursor where it is
    await page.locator('.editor-instance .monaco-editor textarea, .editor-instance .monaco-editor .native-edit-context').first().focus().catch(() => {});
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'visible', timeout: T });
  }

  async function gotoPos(pos) {
    const m = /^(\d+)(?::(\d+))?$/.exec(pos || '');
    if (!m) throw new Error(`expected LINE:COL, got ${pos}`);
    await palette(':', m[2] ? `${m[1]}:${m[2]}` : m[1]);
    await quickInput.locator(`text=/\\b${m[1]}\\b/`).first().waitFor({ state: 'visible', timeout: T });
    await page.keyboard.press('Enter');
    await quickInput.waitFor({ state: 'hidden', timeout: T }).catch(() => {});
    // the status bar's cursor position ("Ln 5, Col 13") confirms the move
    const want = new RegExp(`Ln ${m[1]}, Col ${m[2] || '\\d+'}\\b`);
    await page.locator('[id="status.editor.selection"]').filter({ hasText: want }).first().waitFor({ state: 'visible', timeout: T });
  }

  const hoverWidget = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();

  async function hoverRendered() {
    await hoverWidget.waitFor({ state: 'visible', timeout: T });
    // the hover first shows "Loading..." while the providers (the language server) answer
    const deadline = Date.now() + T;
    for (;;) {
      const text = ((await hoverWidget.innerText().catch(() => '')) || '').trim();
      if (text && !/^Loading\.*$/.test(text)) { await settle(); log(`hover: ${JSON.stringify(text.slice(0, 120))}`); return; }
      if (Date.now() > deadline) throw new Error(`hover stayed empty (${JSON.stringify(text)})`);
      await sleep(100);
    }
  }

  async function showHover(pos) {
    await gotoPos(pos);
    // editor.action.showHover (palette: layout independent). It acts only on the focused editor, and on
    // a loaded machine the palette may hand focus back after the command ran: retry until it shows.
    const deadline = Date.now() + T;
    for (let attempt = 1; ; attempt++) {
      await focusEditor();
      await palette('>', 'Show or Focus Hover');
      await accept('Show or Focus Hover');
      const left = deadline - Date.now();
      try {
        await hoverWidget.waitFor({ state: 'visible', timeout: Math.max(1000, Math.min(10000, left)) });
        break;
      } catch (e) {
        if (Date.now() >= deadline) throw new Error(`no hover at ${pos} after ${attempt} attempt(s)`);
        log(`no hover at ${pos} yet (attempt ${attempt}); retrying`);
      }
    }
    await hoverRendered();
  }

  async function mouseHover(text) {
    const token = page.locator('.editor-instance .monaco-editor .view-line span span', { hasText: text }).first();
    await token.waitFor({ state: 'visible', timeout: T });
    const box = await token.boundingBox();
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.move(box.x + Math.min(box.width / 2, 8), box.y + box.height / 2, { steps: 4 });
    await hoverRendered();
  }

  async function problemsLabel() {
    // status bar problems item: aria-label like "Errors: 0, Warnings: 1" / "No Problems"
    return await page.locator('[id="status.problems"] a, [id="status.problems"]').first().getAttribute('aria-label').catch(() => null)
      || await page.locator('[id="status.problems"]').first().innerText().catch(() => '');
  }

  async function waitDiagnostics(n) {
    const min = n === undefined || n === '' ? 1 : Number(n);
    const squiggle = page.locator('.editor-instance .monaco-editor [class*="squiggly-"]');
    if (min > 0) await squiggle.first().waitFor({ state: 'attached', timeout: T });
    const deadline = Date.now() + T;
    for (;;) {
      const label = await problemsLabel();
      const total = ((label || '').match(/\d+/g) || []).map(Number).reduce((a, b) => a + b, 0);
      const ok = min > 0 ? total >= min : total === 0 && (await squiggle.count()) === 0;
      if (ok) { log(`problems: ${label}`); return; }
      if (Date.now() > deadline) {
        throw new Error(min > 0 ? `problems count stayed below ${min} (status bar: ${JSON.stringify(label)})`
          : `expected no problems (status bar: ${JSON.stringify(label)})`);
      }
      await sleep(250);
    }
  }

  async function focusProblems() {
    await palette('>', 'View: Focus Problems');
    await accept('Problems');
    const panel = page.locator('.markers-panel');
    await panel.first().waitFor({ state: 'visible', timeout: T });
    // rows (tree or table view), or the "No problems have been detected ..." message
    await page.locator('.markers-panel .monaco-list-row, .markers-panel .monaco-table-tr, .markers-panel .message-box-container:not(.hidden)')
      .filter({ hasText: /\S/ }).first().waitFor({ state: 'visible', timeout: T });
    await settle();
  }

  async function focusView(name) {
    await palette('>', `Focus on ${name} View`);
    await accept(name);
    await page.locator(`.pane-header[aria-label*="${name}"], .composite.title:has-text("${name}")`).first()
      .waitFor({ state: 'visible', timeout: T });
    await settle();
  }

  const t0 = Date.now();
  let current = 'load workbench';
  try {
    log('open', opts.url);
    await page.goto(opts.url, { waitUntil: 'domcontentloaded', timeout: T });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: T });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: T });
    // the workspace is loaded once the Explorer lists its first entry
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: T })
      .catch(() => log('explorer shows no entries (empty workspace or hidden sidebar)'));
    log(`workbench ready in ${Date.now() - t0} ms`);

    for (const { op, arg } of opts.steps) {
      const s0 = Date.now();
      current = `${op}${arg !== undefined ? '=' + arg : ''}`;
      switch (op) {
        case 'shot': await shot(arg || `shot-${Date.now()}`); break;
        case 'open': await openFile(arg); break;
        case 'goto': await gotoPos(arg); break;
        case 'hover': await showHover(arg); break;
        case 'mousehover': await mouseHover(arg); break;
        case 'diagnostics': await waitDiagnostics(arg); break;
        case 'problems': await focusProblems(); break;
        case 'view': await focusView(arg); break;
        case 'command': await palette('>', arg); await accept(); await settle(); break;
        case 'press': await page.keyboard.press(arg); await settle(); break;
        case 'type': await page.keyboard.type(arg); await settle(); break;
        case 'click': await page.getByText(arg, { exact: true }).first().click(); await settle(); break;
        case 'expect': await page.getByText(arg).first().waitFor({ state: 'visible', timeout: T }); break;
        case 'wait': await sleep(Number(arg || 1000)); break;
        default: throw new Error(`unknown step ${op}`);
      }
      log(`step ${op}${arg !== undefined ? '=' + arg : ''} ok (${Date.now() - s0} ms)`);
    }
    log(`all steps ok in ${Date.now() - t0} ms`);
  } catch (e) {
    console.error(`[shoot] FAILED at step ${current}: ${e && e.message}`);
    await page.screenshot({ path: path.join(opts.out, 'failure.png') }).catch(() => {});
    process.exitCode = 1;
  } finally {
    fs.writeFileSync(path.join(opts.out, 'console.log'), consoleLines.join('\n') + '\n');
    await browser.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
