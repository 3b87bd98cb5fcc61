/**
 * The panel's message protocol, defined by the extension in src/extension/panelProtocol.ts (the one file the
 * webview may import from src/extension; it is free of `vscode`). Re-exported here so the webview's modules
 * have one place to import it from, plus an envelope check for what arrives on window 'message'.
 */
import type { ExtensionToWebview } from '../../src/extension/panelProtocol';

export { decodeExtensionMessage } from '../../src/extension/panelProtocol';
export type { ExtensionToWebview, PersistedPanelHeader, RunInfo, RunInfoStatus as RunState, WebviewToExtension } from '../../src/extension/panelProtocol';

export type PanelSettings = Extract<ExtensionToWebview, { type: 'init' }>['settings'];

const MESSAGE_TYPES: ReadonlySet<string> = new Set<ExtensionToWebview['type']>(['init', 'runStarted', 'events', 'cursorLine', 'showNode']);

/**
 * Envelope check: only the type tag is checked, the body is trusted (it comes from our own extension host);
 * messages of any other shape (other extensions' iframes, devtools) are dropped.
 */
export function isExtensionMessage(v: unknown): v is ExtensionToWebview {
  if (typeof v !== 'object' || v === null) return false;
  const type = (v as { type?: unknown }).type;
  return typeof type === 'string' && MESSAGE_TYPES.has(type);
}
