/** The `autogradPlayground.*` settings, re-read when they change so every part sees the same values. */
import * as vscode from 'vscode';
import { DEFAULT_GRAPH_NODE_LIMIT } from '../runtime/host/runner';
import { parseRevealOutput, type RevealOutput } from './editor/outputReveal';

export interface Settings {
  graphNodeLimit: number;
  updateIntervalMs: number;
  showGradientAnnotations: boolean;
  revealOutput: RevealOutput;
  /** What Train Model runs the script on; Train Model with Python always runs it on Python. */
  backend: 'playground' | 'python';
  /** The interpreter for the python backend when the Python extension names none; '' for python3/python on PATH. */
  pythonPath: string;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('autogradPlayground');
  const limit = Math.round(Number(c.get<number>('graphNodeLimit', DEFAULT_GRAPH_NODE_LIMIT)));
  const interval = Math.round(Number(c.get<number>('updateIntervalMs', 100)));
  return {
    graphNodeLimit: Number.isFinite(limit) && limit >= 1 ? limit : DEFAULT_GRAPH_NODE_LIMIT,
    updateIntervalMs: Number.isFinite(interval) && interval >= 0 ? interval : 100,
    showGradientAnnotations: c.get<boolean>('showGradientAnnotations', false) === true,
    revealOutput: parseRevealOutput(c.get<string>('revealOutput', 'onError')),
    backend: c.get<string>('backend', 'playground') === 'python' ? 'python' : 'playground',
    pythonPath: String(c.get<string>('pythonPath', '') ?? '').trim(),
  };
}

export class SettingsStore implements vscode.Disposable {
  private value = readSettings();
  private readonly changed = new vscode.EventEmitter<Settings>();
  private readonly subscription: vscode.Disposable;
  /** Fires after the new values are read, so listeners see them through `current`. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('autogradPlayground')) return;
      this.value = readSettings();
      this.changed.fire(this.value);
    });
  }

  get current(): Settings {
    return this.value;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
