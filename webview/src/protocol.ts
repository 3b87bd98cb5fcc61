/**
 * The panel's message protocol, defined in src/protocol/panel.ts (the webview imports only src/protocol/
 * and src/figures/, which are free of Node, DOM and `vscode`). Re-exported here so the webview's modules
 * have one place to import it from, plus an envelope check for what arrives on window 'message'.
 */
import type { ExtensionToWebview } from '../../src/protocol/panel';

export { baseName, decodeExtensionMessage, exportFileName, PANEL_SECTIONS, PANEL_TABS } from '../../src/protocol/panel';
export type { ExportFormat, ExtensionToWebview, HistoryRun, PanelLayout, PanelSectionId, PanelTabId, PersistedPanelHeader, RunHistoryView, RunInfo, RunInfoStatus, RunLabel, SourceChange, WebviewToExtension } from '../../src/protocol/panel';

export type PanelSettings = Extract<ExtensionToWebview, { type: 'init' }>['settings'];

const MESSAGE_TYPES: ReadonlySet<string> = new Set<ExtensionToWebview['type']>(['init', 'runStarted', 'events', 'cursorLine', 'showNode', 'history']);

/**
 * Envelope check: only the type tag is checked, the body is trusted (it comes from our own extension host);
 * messages of any other shape (other extensions' iframes, devtools) are dropped.
 */
export function isExtensionMessage(v: unknown): v is ExtensionToWebview {
  if (typeof v !== 'object' || v === null) return false;
  const type = (v as { type?: unknown }).type;
  return typeof type === 'string' && MESSAGE_TYPES.has(type);
}
