/**
 * The `when`-clause keys behind the Stop and debugger buttons and menus: whether the active document's run, or
 * any run, is going, and whether it is paused.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';

const CONTEXT_ACTIVE_RUNNING = 'autogradPlayground.activeRunning';
const CONTEXT_ANY_RUNNING = 'autogradPlayground.anyRunning';
const CONTEXT_ACTIVE_PAUSED = 'autogradPlayground.activePaused';
const CONTEXT_ANY_PAUSED = 'autogradPlayground.anyPaused';

export function register(s: Services): vscode.Disposable {
  const update = async (): Promise<void> => {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    await vscode.commands.executeCommand('setContext', CONTEXT_ACTIVE_RUNNING, active !== undefined && s.runs.isRunning(active));
    await vscode.commands.executeCommand('setContext', CONTEXT_ANY_RUNNING, s.runs.anyRunning);
    await vscode.commands.executeCommand('setContext', CONTEXT_ACTIVE_PAUSED, active !== undefined && s.runs.isPaused(active));
    await vscode.commands.executeCommand('setContext', CONTEXT_ANY_PAUSED, s.runs.runs().some((r) => r.paused !== null));
  };
  const refresh = (): void => void update();
  refresh();
  return vscode.Disposable.from(
    s.runs.listen({
      started: refresh,
      ended: refresh,
      forgotten: refresh,
      event: (_run, e) => {
        if (e.type === 'paused' || e.type === 'resumed') refresh();
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(refresh),
  );
}
