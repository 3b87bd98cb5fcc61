// The panel's HTML: only the extension's script (with a nonce) and stylesheet, under a strict CSP.
import { strict as assert } from 'node:assert';
import { contentSecurityPolicy, makeNonce, panelHtml } from './panelHtml';

describe('panel HTML and messages', () => {
  it('loads only the extension’s script (with a nonce) and stylesheet under a strict CSP', () => {
    const nonce = makeNonce();
    assert.match(nonce, /^[A-Za-z0-9]{16,}$/);
    assert.notEqual(nonce, makeNonce());
    const html = panelHtml({
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      nonce,
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
      styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
      lang: 'zh-cn',
      title: 'Autograd Playground',
      loadingText: '正在加载<…>',
    });
    const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', nonce);
    assert.ok(html.includes(`content="${csp}"`));
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`));
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js"></script>`));
    assert.ok(html.includes('<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css">'));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/<style|style="/.test(html));
    assert.ok(html.includes('正在加载&lt;…&gt;'));
  });
});
