/**
 * docs/architecture.md's rules, checked on the tree: which folder may import which, no cycle between the Python
 * packages, `_playground` a leaf, and no source file over 1,000 lines. A change that breaks one of them either
 * moves the code or changes the map, on purpose.
 */
import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import { repoRoot as root } from './paths';

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out;
}

const isSource = (name: string): boolean => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

/** The layer a TypeScript file belongs to, as docs/architecture.md names them. */
function layerOf(file: string): string {
  const parts = file.split(sep);
  if (parts[0] === 'webview') return 'webview';
  if (parts[1] === 'runtime') return `runtime/${parts[2]}`;
  return parts[1].replace(/\.ts$/, '');
}

/** Each layer and what it may import besides itself: relative imports by layer, packages by name. */
const ALLOWED: Record<string, { layers: string[]; packages: RegExp }> = {
  engine: { layers: [], packages: /^$/ },
  protocol: { layers: [], packages: /^$/ },
  figures: { layers: ['protocol'], packages: /^$/ },
  'runtime/report': { layers: ['engine', 'protocol'], packages: /^$/ },
  'runtime/bridge': { layers: ['engine', 'protocol', 'runtime/report'], packages: /^$/ },
  'runtime/host': { layers: ['engine', 'protocol', 'runtime/report', 'runtime/bridge'], packages: /^(node:|pyodide$|virtual:python-files$)/ },
  'runtime/python': { layers: ['engine', 'protocol', 'runtime/host'], packages: /^node:/ },
  extension: { layers: ['protocol', 'figures', 'runtime/host', 'runtime/python'], packages: /^(node:|vscode$)/ },
  cli: { layers: ['protocol', 'figures', 'runtime/host', 'runtime/python'], packages: /^node:/ },
  webview: { layers: ['protocol', 'figures'], packages: /^(chart\.js|@dagrejs\/dagre$)/ },
};

describe('the layout in docs/architecture.md', () => {
  it('has every TypeScript layer import only the layers and packages below it', () => {
    const wrong: string[] = [];
    for (const file of [...filesUnder('src', isSource), ...filesUnder(join('webview', 'src'), isSource)]) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer];
      assert.ok(allowed, `${file}: layer ${layer} is not in docs/architecture.md's map`);
      for (const m of readFileSync(join(root, file), 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)) {
        const spec = m[1];
        if (spec.startsWith('.')) {
          const target = layerOf(relative(root, resolve(root, dirname(file), spec)));
          if (target !== layer && !allowed.layers.includes(target)) wrong.push(`${file} imports ${spec} (${layer} → ${target})`);
        } else if (!allowed.packages.test(spec)) {
          wrong.push(`${file} imports the package ${spec}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has no import cycle between the Python packages, and _playground imports none of them', () => {
    const packages = ['_playground', 'torch', 'numpy', 'matplotlib', 'sklearn', 'pandas', 'd2l', 'matplotlib_inline'];
    const uses = new Map(packages.map((p) => [p, new Set<string>()]));
    for (const file of filesUnder(join('src', 'python'), (name) => name.endsWith('.py'))) {
      const from = file.split(sep)[2];
      // Imports anywhere in the file, function bodies included: a lazy import is still a dependency.
      for (const m of readFileSync(join(root, file), 'utf8').matchAll(/^\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+))/gm)) {
        const to = (m[1] ?? m[2]).split('.')[0];
        if (to && to !== from && uses.has(to)) uses.get(from)?.add(to);
      }
    }
    assert.deepEqual([...(uses.get('_playground') ?? [])], []);
    const cycles: string[] = [];
    const visit = (p: string, path: string[]): void => {
      for (const q of uses.get(p) ?? []) {
        if (path.includes(q)) cycles.push([...path.slice(path.indexOf(q)), q].join(' → '));
        else visit(q, [...path, q]);
      }
    };
    for (const p of packages) visit(p, [p]);
    assert.deepEqual(cycles, []);
  });

  it('has the probe (src/probe/) import nothing but the standard library, torch, and matplotlib and NumPy where present', () => {
    // It runs in the user's own Python: a dependency beyond torch would be one more thing to install (matplotlib
    // and NumPy are used where the script's Python has them, feature-tested).
    const wrong: string[] = [];
    const allowed = /^(autograd_playground_probe|torch|matplotlib|numpy|__future__|array|base64|builtins|ctypes|functools|importlib|io|json|linecache|math|operator|os|queue|select|signal|site|sys|sysconfig|threading|time|traceback|types|warnings|weakref)$/;
    for (const file of filesUnder(join('src', 'probe'), (name) => name.endsWith('.py'))) {
      for (const m of readFileSync(join(root, file), 'utf8').matchAll(/^\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+(?:\s*,\s*[\w.]+)*))/gm)) {
        const names = m[1] !== undefined ? [m[1]] : m[2].split(',').map((n) => n.trim());
        for (const name of names) if (!name.startsWith('.') && !allowed.test(name.split('.')[0])) wrong.push(`${file} imports ${name}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has no source file over 1,000 lines', () => {
    const code = (name: string): boolean => /\.(ts|py|mjs)$/.test(name) && !name.endsWith('.test.ts');
    const long = ['src', 'webview', 'bench', 'scripts']
      .flatMap((dir) => filesUnder(dir, code))
      .map((file) => [file, readFileSync(join(root, file), 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > 1000);
    assert.deepEqual(long, []);
  });
});
