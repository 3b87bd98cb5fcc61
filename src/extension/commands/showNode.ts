/** Show in graph (a hover's link): opens the panel on the link's run and centres the node. */
import * as vscode from 'vscode';
import type { PanelController } from '../panel/panel';
import type { Services } from '../services';
import { CMD } from './ids';

export function register(s: Services, panel: PanelController): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.showNode, (nodeId?: unknown, key?: unknown) => {
    if (typeof nodeId !== 'number') return;
    const run = typeof key === 'string' ? s.runs.get(key) : undefined;
    if (run) panel.setShownRun(run);
    panel.showNode(nodeId);
  });
}
