/**
 * The messages the extension shows about runs that could not start (no torch in the chosen Python, a Find NaN
 * on the python backend): shown through VS Code, and the last few remembered for the extension-host tests,
 * which cannot read notifications (testApi.ts).
 */
import * as vscode from 'vscode';

const KEPT = 20;
const recent: string[] = [];

function remember(text: string): void {
  recent.push(text);
  if (recent.length > KEPT) recent.splice(0, recent.length - KEPT);
}

export function showWarning(text: string, ...items: string[]): Thenable<string | undefined> {
  remember(text);
  return vscode.window.showWarningMessage(text, ...items);
}

export function showError(text: string, ...items: string[]): Thenable<string | undefined> {
  remember(text);
  return vscode.window.showErrorMessage(text, ...items);
}

export function showInfo(text: string, ...items: string[]): Thenable<string | undefined> {
  remember(text);
  return vscode.window.showInformationMessage(text, ...items);
}

/** The messages shown last, oldest first. */
export function recentNotices(): readonly string[] {
  return [...recent];
}
