/** What the extension's parts share: made once by activate() and handed to each part's register(). */
import type * as vscode from 'vscode';
import type { RunHistory } from './runs/runHistory';
import type { RunManager } from './runs/runManager';
import type { SettingsStore } from './settings';

export interface Services {
  readonly extensionUri: vscode.Uri;
  readonly runs: RunManager;
  /** Each file's last runs, for the panel's side-by-side loss curves. */
  readonly history: RunHistory;
  readonly settings: SettingsStore;
  /** Untitled documents opened by Open Example → the example's file name, which their runs are named after. */
  readonly exampleNames: Map<string, string>;
}
