/**
 * The panel's HTML: an empty page that loads the front end (dist/webview.js, media/panel.css) under a strict
 * Content-Security-Policy. Nothing inline runs or styles: the one script carries a fresh nonce, styles come
 * only from the extension's files. No `vscode` here (tested under mocha).
 */
import { randomBytes } from 'node:crypto';

export interface PanelHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `webview.asWebviewUri(...)` of dist/webview.js and media/panel.css, as strings. */
  scriptUri: string;
  styleUri: string;
  /** BCP 47 language of the UI (`vscode.env.language`). */
  lang: string;
  title: string;
  /** Shown until the script has rendered (or if it cannot load). */
  loadingText: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    // Charts and the graph are drawn in canvas/SVG by the script; images are the script's own data: URIs.
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function panelHtml(p: PanelHtmlInput): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(p.styleUri)}">
<title>${escapeHtml(p.title)}</title>
</head>
<body>
<div id="root"><p class="loading">${escapeHtml(p.loadingText)}</p></div>
<script nonce="${escapeHtml(p.nonce)}" src="${escapeHtml(p.scriptUri)}"></script>
</body>
</html>
`;
}
