/** The status bar item: the focused run's progress while it runs (elapsed time ticking), then its outcome. */
import * as vscode from 'vscode';
import { CMD } from '../commands/ids';
import { focusedRun } from '../documents';
import { t } from '../l10n';
import { statusText } from '../runs/runRecord';
import type { Services } from '../services';
import type { RunClock } from './runClock';

export function register(s: Services, clock: RunClock): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('autogradPlayground.status', vscode.StatusBarAlignment.Left, 50);
  item.name = t('Autograd Playground');
  item.command = CMD.showPanel;
  let pending: ReturnType<typeof setTimeout> | null = null;

  const update = (): void => {
    const run = focusedRun(s.runs);
    if (!run) {
      item.hide();
      return;
    }
    const st = statusText(run, Date.now());
    item.text = st.text;
    item.tooltip = st.tooltip;
    item.backgroundColor =
      run.status === 'failed'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : run.diverged
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    item.show();
  };

  /** Coalesces the updates of a fast training loop (one per backward()) to a few per second. */
  const schedule = (): void => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      update();
    }, 250);
  };

  return vscode.Disposable.from(
    item,
    { dispose: () => pending && clearTimeout(pending) },
    s.runs.listen({
      started: update,
      event: (_run, e) => {
        if (e.type === 'backward') schedule();
      },
      ended: update,
      forgotten: update,
    }),
    clock.onTick(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}
