// Driving the VS Code workbench in Debian's Chromium with playwright-core: launch, open files, run palette
// commands, hover in the editor, read squiggles and the Problems panel, reach into the extension's webview.
// Every wait here is on a condition of the page (an element, a text), retried while the workbench is still
// restoring; none is a fixed sleep.
import { chromium } from 'playwright-core';
import util from 'node:util';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A console message as text (util.format, since the workbench logs with %c style arguments). */
export async function consoleText(msg) {
  try {
    const args = await Promise.all(msg.args().map((a) => a.jsonValue()));
    return args.length ? util.format(...args) : msg.text();
  } catch {
    return msg.text();
  }
}

/**
 * The workbench URL with `payload` entries added, e.g. `openFile` (a file on the server, opened in an
 * editor once the workbench is up: VS Code for the web reads it like `code FILE`).
 */
export function withPayload(url, entries) {
  const u = new URL(url);
  const payload = JSON.parse(u.searchParams.get('payload') || '[]');
  payload.push(...entries);
  u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

/** `vscode-remote://HOST/PATH` for a path on the code-server at `base`. */
export function remoteUri(base, fsPath) {
  return `vscode-remote://${new URL(base).host}${fsPath}`;
}

export async function waitForWorkbench(page, timeout = 60000) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout });
}

/** Polls `fn` until it returns a truthy value (returned) or `timeout` ms pass (the last error or a timeout is thrown). */
export async function waitUntil(fn, { timeout = 10000, interval = 100, message = 'condition' } = {}) {
  const t0 = Date.now();
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      lastError = null;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() - t0 > timeout) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Opens the command palette and runs the command whose label is `label` (or, failing an exact match,
 * contains it): its row is clicked, since Enter runs whichever row has the focus (fuzzy matching may put
 * another command first). Keypresses can be swallowed while the workbench restores, and a command
 * appears only once the extension host has registered it, so the palette is retried.
 */
export async function runCommand(page, label, { timeout = 60000 } = {}) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: label });
    if (!(await paletteQuery(page, label, rows))) continue;
    const names = await rows.locator('.label-name').allInnerTexts();
    const exact = names.findIndex((n) => n.trim() === label);
    await rows.nth(exact >= 0 ? exact : 0).click();
    await page.locator('.quick-input-widget input[placeholder="Type the name of a command to run."]').waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
    return;
  }
  throw new Error(`command "${label}" never appeared in the command palette`);
}

/**
 * One try at the command palette: open it (F1), type `query`, wait for `rows` to show. False when a step
 * timed out (the caller tries again): keypresses can be swallowed while the workbench restores, and a
 * command appears only once the extension host has registered it.
 */
async function paletteQuery(page, query, rows) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  try {
    await input.waitFor({ timeout: 3000 });
    await input.fill(`>${query}`);
    await rows.first().waitFor({ timeout: 3000 });
    return true;
  } catch {
    return false;
  }
}

/** The titles the command palette lists for `query` (for checking titles, e.g. translated ones). */
export async function paletteLabels(page, query, { timeout = 30000, expect } = {}) {
  const t0 = Date.now();
  let labels = [];
  const rows = page.locator('.quick-input-list .monaco-list-row');
  while (Date.now() - t0 < timeout) {
    if (!(await paletteQuery(page, query, rows))) continue;
    // A row's first label is the command's title; in a non-English display language VS Code adds the
    // English title after it (a second label, so that English search still finds it).
    labels = await rows.evaluateAll((rs) => rs.map((r) => r.querySelector('.label-name')?.textContent ?? ''));
    if (!expect || labels.some((l) => l.includes(expect))) return labels;
    await new Promise((r) => setTimeout(r, 500));
  }
  return labels;
}

/** Closes the palette / quick input if open. */
export async function closeQuickInput(page) {
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
}

/** The active editor tab's label locator. */
export function activeTab(page) {
  return page.locator('.part.editor .tabs-container .tab.active');
}

/** Waits until the active editor is the file `name` (its tab is active and its text is shown). */
export async function waitForActiveEditor(page, name, timeout = 20000) {
  await page.locator('.part.editor .tabs-container .tab.active', { has: page.locator('.label-name', { hasText: name }) }).first().waitFor({ timeout });
  await activeEditor(page).locator('.view-lines .view-line').first().waitFor({ timeout });
}

/**
 * Opens the workspace file `name` (a base name) in the editor through Quick Open (Ctrl+P): types the name,
 * waits for the result row that is exactly that file, then picks it. Typing and pressing Enter at once can
 * pick nothing while the file search is still running, so the row is waited for, and the whole is retried.
 */
export async function openFile(page, name, { timeout = 30000 } = {}) {
  const t0 = Date.now();
  let lastError = null;
  while (Date.now() - t0 < timeout) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    try {
      await input.waitFor({ timeout: 3000 });
      await input.fill(name);
      const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: name }) }).first();
      await row.waitFor({ timeout: 5000 });
      await row.click();
      await waitForActiveEditor(page, name, 5000);
      return;
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`could not open ${name} with Quick Open: ${lastError?.message ?? 'timed out'}`);
}

/**
 * The text editor's Monaco editor (not the Output panel's). The scenarios keep one text editor group (the
 * panel opens in a second group, beside it, which holds a webview), so this is the first Monaco editor
 * of the editor area.
 */
export function activeEditor(page) {
  return page.locator('.part.editor .editor-instance .monaco-editor').first();
}

/**
 * Focuses the text editor: a click on the first rendered line number (not on the text area's top, where
 * a CodeLens such as "■ Stop" may sit).
 */
export async function focusEditor(page) {
  await activeEditor(page).locator('.margin-view-overlays .line-numbers').first().click();
}

/** Moves the cursor to `line` (1-based) with Go to Line (Ctrl+G), which also scrolls it into view. */
export async function goToLine(page, line, column = 1) {
  await focusEditor(page);
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    try {
      await input.waitFor({ timeout: 3000 });
    } catch {
      continue;
    }
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
    const ok = await waitUntil(() => lineBox(page, line), { timeout: 3000 }).catch(() => null);
    if (ok) return;
  }
  throw new Error(`could not go to line ${line}`);
}

/**
 * Where line `line` (1-based) of the active editor is drawn, and the screen box of the `occurrence`-th
 * whole-word match of `word` on it (when given): { top, bottom, word: {x, y, width, height} | null, text }.
 * Null when the line is not rendered (scrolled away). Lines and line numbers are absolutely positioned
 * at the same `top`, which is how a line number is matched to its text.
 */
export async function lineBox(page, line, word = null, occurrence = 0) {
  return activeEditor(page).evaluate(
    (editor, { line, word, occurrence }) => {
      const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
      const num = numbers.find((n) => n.textContent.trim() === String(line));
      if (!num) return null;
      const top = num.parentElement.style.top;
      const lineEl = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => l.style.top === top);
      if (!lineEl) return null;
      const r = lineEl.getBoundingClientRect();
      const text = lineEl.textContent.replace(/\u00a0/g, ' ');
      const out = { top: r.top, bottom: r.bottom, left: r.left, text, word: null };
      if (word === null) return out;
      const re = new RegExp(`(?<![A-Za-z0-9_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g');
      const matches = [...text.matchAll(re)];
      const m = matches[occurrence];
      if (!m) return out;
      // Find the text node and offset of the match start and end.
      const walker = document.createTreeWalker(lineEl, NodeFilter.SHOW_TEXT);
      let pos = 0;
      let start = null;
      let end = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent.length;
        if (start === null && m.index < pos + len) start = [n, m.index - pos];
        if (start !== null && m.index + word.length <= pos + len) {
          end = [n, m.index + word.length - pos];
          break;
        }
        pos += len;
      }
      if (!start || !end) return out;
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      const b = range.getBoundingClientRect();
      out.word = { x: b.left, y: b.top, width: b.width, height: b.height };
      return out;
    },
    { line, word, occurrence },
  );
}

/** The visible hover widget of the editor (Monaco's `.monaco-hover`). */
export function hoverWidget(page) {
  return page.locator('.monaco-editor .monaco-hover:not(.hidden), .monaco-hover.workbench-hover:not(.hidden)').filter({ visible: true }).first();
}

/**
 * Hovers the mouse over the `occurrence`-th `word` on `line` of the active editor and returns the hover
 * widget's text once it has some (retrying the mouse move: Monaco shows hovers after a delay, and only for a
 * mouse that moved onto the word). `until(text)` can require more than any text (e.g. the extension's part).
 */
export async function hoverWord(page, line, word, { occurrence = 0, until = (t) => t.trim().length > 0, timeout = 20000 } = {}) {
  await goToLine(page, line);
  const t0 = Date.now();
  let last = '';
  while (Date.now() - t0 < timeout) {
    const box = await lineBox(page, line, word, occurrence);
    if (!box || !box.word) throw new Error(`"${word}" is not on line ${line} (${box ? JSON.stringify(box.text) : 'line not rendered'})`);
    const x = box.word.x + box.word.width / 2;
    const y = box.word.y + box.word.height / 2;
    // Leave the word first so that the move onto it is a new hover request.
    await page.mouse.move(x, y + 200);
    await page.mouse.move(x - 1, y);
    await page.mouse.move(x, y);
    const hover = hoverWidget(page);
    try {
      await hover.waitFor({ timeout: 4000 });
      last = await waitUntil(
        async () => {
          const t = await hover.innerText();
          return until(t) ? t : null;
        },
        { timeout: 4000, message: 'hover text' },
      );
      await settled(hover);
      return { text: last, box };
    } catch {
      /* retry the move */
    }
  }
  throw new Error(`no hover for "${word}" on line ${line}${last ? ` (last text: ${JSON.stringify(last)})` : ''}`);
}

/** Waits for the CSS animations (fade-ins) of `locator`'s element and its ancestors to finish, for screenshots. */
export async function settled(locator) {
  await locator.evaluate(async (e) => {
    const anims = [];
    for (let n = e; n && n !== document.body; n = n.parentElement) {
      for (const a of n.getAnimations()) if (a.effect?.getComputedTiming().iterations !== Infinity) anims.push(a.finished.catch(() => {}));
    }
    await Promise.all(anims);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** 1-based line numbers of the active editor that carry an error squiggle (`.squiggly-error`). */
export async function squiggleLines(page, kind = 'error') {
  return activeEditor(page).evaluate((editor, kind) => {
    const tops = new Map();
    for (const n of editor.querySelectorAll('.margin-view-overlays .line-numbers')) tops.set(n.parentElement.style.top, Number(n.textContent.trim()));
    const lines = new Set();
    for (const s of editor.querySelectorAll(`.view-overlays .squiggly-${kind}`)) {
      const line = tops.get(s.parentElement.style.top);
      if (line) lines.add(line);
    }
    return [...lines].sort((a, b) => a - b);
  }, kind);
}

/** Opens the Problems panel and returns its rows' accessible labels (message, source, line and column). */
export async function problems(page, { expect, timeout = 10000 } = {}) {
  await runCommand(page, 'View: Focus Problems', { timeout: 20000 });
  const rows = page.locator('.markers-panel .monaco-list-row');
  return waitUntil(
    async () => {
      const labels = await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') || ''} || ${e.innerText.replace(/\s+/g, ' ')}`));
      if (!expect) return labels.length ? labels : null;
      return labels.some((l) => expect(l)) ? labels : null;
    },
    { timeout, message: 'Problems panel rows' },
  ).catch(async (e) => {
    const labels = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') || el.innerText)).catch(() => []);
    throw new Error(`${e.message}; rows: ${JSON.stringify(labels)}`);
  });
}

/** An editor title action (▶ Train Model, ■ Stop Training) of the text editor's group, by its label. */
export function editorTitleAction(page, label) {
  return page.locator(`.part.editor .editor-group-container:has(.editor-instance .monaco-editor) .editor-actions a.action-label[aria-label^="${label}"]`).first();
}

/** The extension's panel document: iframe.webview (VS Code's host page) > iframe#active-frame. */
export function webviewFrame(page, title) {
  const outer = title ? page.locator(`iframe.webview.ready[title="${title}"]`) : page.locator('iframe.webview.ready');
  return outer.first().contentFrame().locator('iframe#active-frame').contentFrame();
}
