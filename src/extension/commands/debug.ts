/**
 * The debugger's commands: Pause Training, Step One Iteration, Continue Training. Each acts on the given (or
 * active) document's run, else on the run started last that still runs, as Stop Training does. The pause
 * conditions the panel sets meet the setting autogradPlayground.pauseAt here and go to the run manager.
 */
import * as vscode from 'vscode';
import type { PauseConditions } from '../../protocol/events';
import { asUri } from '../documents';
import { t } from '../l10n';
import type { Services } from '../services';
import { CMD } from './ids';

type Action = 'pause' | 'step' | 'resume';

/** The document whose run the command means: the given or active one's if it runs, else the newest running. */
function target(s: Services, uri?: vscode.Uri): string | null {
  const key = (uri ?? vscode.window.activeTextEditor?.document.uri)?.toString();
  if (key && s.runs.isRunning(key)) return key;
  const running = s.runs
    .runs()
    .filter((r) => r.running)
    .sort((a, b) => b.startedAt - a.startedAt);
  return running[0]?.key ?? null;
}

export function act(s: Services, action: Action, uri?: vscode.Uri): void {
  const key = target(s, uri);
  if (key === null) {
    void vscode.window.showInformationMessage(t('Nothing is training.'));
    return;
  }
  if (action === 'pause') {
    if (!s.runs.pause(key)) void vscode.window.showInformationMessage(t('This run cannot be paused.'));
  } else if (!(action === 'step' ? s.runs.step(key) : s.runs.resume(key))) {
    void vscode.window.showInformationMessage(t('The run is not paused.'));
  }
}

function pauseAtSetting(): PauseConditions['pauseAt'] {
  return vscode.workspace.getConfiguration('autogradPlayground').get<string>('pauseAt', 'backward') === 'step' ? 'step' : 'backward';
}

/** The panel's conditions, with where to pause from the setting. */
export function setConditions(s: Services, c: Omit<PauseConditions, 'pauseAt'>): void {
  s.runs.setPauseConditions({ ...c, pauseAt: pauseAtSetting() });
}

export function register(s: Services): vscode.Disposable {
  s.runs.setPauseConditions({ ...s.runs.pauseConditions, pauseAt: pauseAtSetting() });
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CMD.pause, (arg?: unknown) => act(s, 'pause', asUri(arg))),
    vscode.commands.registerCommand(CMD.step, (arg?: unknown) => act(s, 'step', asUri(arg))),
    vscode.commands.registerCommand(CMD.continue, (arg?: unknown) => act(s, 'resume', asUri(arg))),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('autogradPlayground.pauseAt')) s.runs.setPauseConditions({ ...s.runs.pauseConditions, pauseAt: pauseAtSetting() });
    }),
  );
}
