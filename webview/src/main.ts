/**
 * Webview entry (bundled to dist/webview.js). Restores the saved state, draws it, then tells the extension
 * it is `ready`; from then on messages update the state and the panel redraws at most once per animation
 * frame. Data flows one way: the webview only posts user intents (stop, runAgain, revealLine).
 */
import { Panel } from './views/panel';
import { restore, snapshot, type PersistedState } from './model/persist';
import { decodeExtensionMessage, isExtensionMessage, type WebviewToExtension } from './protocol';
import { Debouncer, FrameBatcher } from './views/scheduler';
import { applyMessage, createState } from './model/state';
import { readTheme, watchTheme } from './views/theme';

interface VsCodeApi {
  postMessage(msg: WebviewToExtension): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** How often, at most, the state is written with setState while a run streams. */
const SAVE_INTERVAL_MS = 1000;

function main(): void {
  const vscode = acquireVsCodeApi();
  const state = restore(vscode.getState()) ?? createState();
  const root = document.getElementById('root') ?? document.body;

  const saver = new Debouncer(SAVE_INTERVAL_MS, () => vscode.setState(snapshot(state)));
  const frames = new FrameBatcher(
    (cb) => requestAnimationFrame(cb),
    () => panel.render(Date.now()),
  );
  const host = {
    post: (msg: WebviewToExtension) => vscode.postMessage(msg),
    changed: () => {
      frames.schedule();
      saver.schedule();
    },
  };
  let panel = new Panel(root, state, readTheme(), host);
  let l10nKey = JSON.stringify(state.l10n);

  watchTheme(() => {
    panel.setTheme(readTheme());
    frames.schedule();
  });

  // The elapsed time ticks while a run is going.
  setInterval(() => {
    if (state.status === 'running') {
      state.dirty.add('header');
      frames.schedule();
    }
  }, 1000);

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!isExtensionMessage(event.data)) return;
    // VS Code carries messages as JSON: the host wrote non-finite numbers as "nan"/"inf" strings.
    const msg = decodeExtensionMessage(event.data);
    const wasEnded = state.end !== null;
    applyMessage(state, msg);
    // Labels are written when the DOM is built; a new display language (first init, or a language switch)
    // rebuilds the panel from the state.
    if (msg.type === 'init' && JSON.stringify(state.l10n) !== l10nKey) {
      l10nKey = JSON.stringify(state.l10n);
      panel.destroy();
      panel = new Panel(root, state, readTheme(), host);
    }
    frames.schedule();
    if (msg.type === 'cursorLine' || msg.type === 'showNode') return;
    // Save at once when the run just ended, so a reload right after shows the final state.
    if (!wasEnded && state.end !== null) saver.flush();
    else saver.schedule();
  });

  panel.render(Date.now());
  vscode.postMessage({ type: 'ready' });
}

main();
