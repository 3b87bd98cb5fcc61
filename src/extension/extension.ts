import type * as vscode from 'vscode';

// Placeholder so the bundle and manifest are wired up; the extension proper is built in a later issue.
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
