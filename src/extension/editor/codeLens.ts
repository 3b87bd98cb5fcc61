/** The CodeLens on the first line of scripts that import torch: Train Model or Stop, and Show Graph Panel once it ran. */
import * as vscode from 'vscode';
import { CMD } from '../commands/ids';
import { PYTHON } from '../documents';
import { importsTorch } from '../hover/pythonNames';
import { t } from '../l10n';
import type { Services } from '../services';

export function register(s: Services): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const refresh = (): void => changed.fire();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses: (doc) => {
      if (!importsTorch(doc.getText())) return [];
      const top = new vscode.Range(0, 0, 0, 0);
      const key = doc.uri.toString();
      const lenses = [
        s.runs.isRunning(key)
          ? new vscode.CodeLens(top, { title: t('■ Stop'), command: CMD.stop, arguments: [doc.uri], tooltip: t('Stop Training') })
          : new vscode.CodeLens(top, { title: t('▶ Train Model'), command: CMD.train, arguments: [doc.uri], tooltip: t('Run this script and watch autograd') }),
      ];
      if (s.runs.get(key)) lenses.push(new vscode.CodeLens(top, { title: t('Show Graph Panel'), command: CMD.showPanel }));
      return lenses;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(PYTHON, provider),
    s.runs.listen({ started: refresh, ended: refresh, forgotten: refresh }),
  );
}
