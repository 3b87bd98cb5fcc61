/** The `when`-clause keys behind the Stop buttons and menus: whether the active document's run, or any run, is going. */
import * as vscode from 'vscode';
import type { Services } from '../services';

const CONTEXT_ACTIVE_RUNNING = 'autogradPlayground.activeRunning';
const CONTEXT_ANY_RUNNING = 'autogradPlayground.anyRunning';

export function register(s: Services): vscode.Disposable {
  const update = async (): Promise<void> => {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    await vscode.commands.executeCommand('setContext', CONTEXT_ACTIVE_RUNNING, active !== undefined && s.runs.isRunning(active));
    await vscode.commands.executeCommand('setContext', CONTEXT_ANY_RUNNING, s.runs.anyRunning);
  };
  const refresh = (): void => void update();
  refresh();
  return vscode.Disposable.from(
    s.runs.listen({ started: refresh, ended: refresh, forgotten: refresh }),
    vscode.window.onDidChangeActiveTextEditor(refresh),
  );
}
