// Every UI string of the extension goes through `t` (vscode.l10n.t) with a literal message, and the Chinese
// bundle translates each of them, keeping its {0} placeholders; the manifest's %keys% all exist in both nls files.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { formatMessage, t } from './l10n';
import { STRINGS } from '../../webview/src/strings';
import { repoRoot } from '../../test/paths';

const root = repoRoot;

/** The messages passed to `t(...)` in a source file; a call whose message is not a literal is an error. */
function messagesIn(file: string): { messages: string[]; nonLiteral: string[] } {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const messages: string[] = [];
  const nonLiteral: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't' && node.arguments.length) {
      const arg = node.arguments[0];
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) messages.push(arg.text);
      else nonLiteral.push(`${path.basename(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { messages, nonLiteral };
}

function extensionSources(): string[] {
  const dir = path.join(root, 'src', 'extension');
  // The extension's modules sit in subfolders by part (commands/, editor/, hover/, …), their suites beside them.
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

function placeholders(s: string): string[] {
  return (s.match(/\{\d+\}/g) ?? []).sort();
}

describe('extension localisation', () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

  it('formats the English source string when VS Code is not there', () => {
    assert.equal(formatMessage('{0}: step {1}', ['a.py', 3]), 'a.py: step 3');
    assert.equal(t('{0} s', '1.5'), '1.5 s');
  });

  it('translates every message the extension passes to t()', () => {
    const missing: string[] = [];
    const nonLiteral: string[] = [];
    const used = new Set<string>();
    for (const file of extensionSources()) {
      const found = messagesIn(file);
      nonLiteral.push(...found.nonLiteral);
      for (const m of found.messages) {
        used.add(m);
        if (!(m in bundle)) missing.push(m);
        else assert.deepEqual(placeholders(bundle[m]), placeholders(m), `placeholders of ${JSON.stringify(m)}`);
      }
    }
    assert.deepEqual(nonLiteral, [], 't() must be called with a literal message');
    assert.deepEqual(missing, [], 'messages missing from l10n/bundle.l10n.zh-cn.json');
    assert.ok(used.size > 20);
    // Nothing stale: every entry is a message of the extension or a string of the panel.
    const panel = new Set<string>(Object.values(STRINGS));
    assert.deepEqual(
      Object.keys(bundle).filter((k) => !used.has(k) && !panel.has(k)),
      [],
      'entries no code uses',
    );
  });

  it('translates every string of the panel (webview/src/strings.ts), which gets the bundle in its init', () => {
    const texts = Object.values(STRINGS) as string[];
    assert.ok(texts.length > 20);
    for (const english of texts) {
      assert.ok(english in bundle, `bundle lacks the panel string ${JSON.stringify(english)}`);
      assert.deepEqual(placeholders(bundle[english]), placeholders(english), `placeholders of ${JSON.stringify(english)}`);
    }
  });

  it('has a translation for every manifest string, in both nls files', () => {
    const pkgText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = [...pkgText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 10);
    const pkg = JSON.parse(pkgText) as { l10n?: string };
    assert.equal(pkg.l10n, './l10n');
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const table = JSON.parse(fs.readFileSync(path.join(root, nls), 'utf8')) as Record<string, string>;
      for (const k of keys) assert.ok(typeof table[k] === 'string' && table[k].length > 0, `${nls} lacks ${k}`);
    }
  });

  it('declares that untrusted workspaces are not supported, saying why in both languages', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: unknown } };
    };
    const untrusted = pkg.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, false);
    assert.equal(untrusted?.description, '%capabilities.untrustedWorkspaces%');
    const english = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const chinese = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.match(english['capabilities.untrustedWorkspaces'], /Train Model runs the script's/);
    assert.match(chinese['capabilities.untrustedWorkspaces'], /训练模型/);
  });
});
