/** Stop Training: the given (or active) document's run, else the run started last that still runs. */
import * as vscode from 'vscode';
import { asUri } from '../documents';
import { t } from '../l10n';
import type { Services } from '../services';
import { CMD } from './ids';

function stop(s: Services, uri?: vscode.Uri): void {
  const key = (uri ?? vscode.window.activeTextEditor?.document.uri)?.toString();
  if (key && s.runs.stop(key)) return;
  const running = s.runs
    .runs()
    .filter((r) => r.running)
    .sort((a, b) => b.startedAt - a.startedAt);
  if (running.length) s.runs.stop(running[0].key);
  else void vscode.window.showInformationMessage(t('Nothing is training.'));
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.stop, (arg?: unknown) => stop(s, asUri(arg)));
}
