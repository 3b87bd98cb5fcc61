// Driving the VS Code workbench in Debian's Chromium with playwright-core: launch, wait until the
// extension host answers, run palette commands, reach into the extension's webview.
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

export async function waitForWorkbench(page, timeout = 60000) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout });
}

/**
 * Opens the command palette and runs the command whose label contains `label`. Keypresses can be
 * swallowed while the workbench restores, and a command appears only once the extension host has
 * registered it, so the palette is retried.
 */
export async function runCommand(page, label, { timeout = 60000 } = {}) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    try {
      await input.waitFor({ timeout: 3000 });
    } catch {
      continue;
    }
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    try {
      await row.waitFor({ timeout: 3000 });
    } catch {
      continue;
    }
    await page.keyboard.press('Enter');
    return;
  }
  throw new Error(`command "${label}" never appeared in the command palette`);
}

/** The extension's panel document: iframe.webview (VS Code's host page) > iframe#active-frame. */
export function webviewFrame(page, title) {
  const outer = title ? page.locator(`iframe.webview.ready[title="${title}"]`) : page.locator('iframe.webview.ready');
  return outer.first().contentFrame().locator('iframe#active-frame').contentFrame();
}
