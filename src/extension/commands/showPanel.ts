/** Show Graph Panel: the panel on the active document's run, else on the run started last. */
import * as vscode from 'vscode';
import { focusedRun } from '../documents';
import type { PanelController } from '../panel/panel';
import type { Services } from '../services';
import { CMD } from './ids';

export function register(s: Services, panel: PanelController): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.showPanel, () => panel.show(focusedRun(s.runs) ?? undefined));
}
