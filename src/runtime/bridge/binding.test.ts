// The ABI between src/python and the TypeScript side: _playground_host.pyi declares it for Python readers, so
// it must name exactly what the worker registers, and every literal name the Python sources use must exist.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { autograd } from './autograd';
import { createBinding } from './binding';
import { creation } from './creation';
import { numpy } from './numpy';
import { numpyRandom } from './numpyRandom';
import { inplaceOps, ops } from './ops';
import { printing } from './printing';
import { random } from './random';
import { optimizers } from './optimizers';
import { storage } from './storage';
import { tensorMeta } from './tensorMeta';
import { repoRoot } from '../../../test/paths';

const root = repoRoot;
const stub = readFileSync(join(root, 'src/runtime/bridge/_playground_host.pyi'), 'utf8');

/** The body of a top-level `class <name>` in the stub: its lines up to the next top-level statement. */
function classBody(name: string): string[] {
  const lines = stub.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`class ${name}(`));
  assert.ok(start >= 0, `the stub declares class ${name}`);
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    body.push(line);
  }
  return body;
}

function defs(lines: string[], indent: string): string[] {
  return lines.flatMap((l) => {
    const m = new RegExp(`^${indent}def (\\w+)\\(`).exec(l);
    return m ? [m[1]] : [];
  });
}

/** The quoted names of `<alias> = Literal[...]`. */
function literal(alias: string): string[] {
  const m = new RegExp(`^${alias} = Literal\\[([^\\]]*)\\]`, 'm').exec(stub);
  assert.ok(m, `the stub declares ${alias}`);
  return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
}

function assertSameNames(actual: string[], expected: string[], what: string): void {
  assert.equal(new Set(actual).size, actual.length, `${what}: a name is declared twice`);
  const missing = expected.filter((n) => !actual.includes(n));
  const extra = actual.filter((n) => !expected.includes(n));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, what);
}

function pythonSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return pythonSources(p);
    return e.name.endsWith('.py') ? [readFileSync(p, 'utf8')] : [];
  });
}

describe('the _playground_host ABI', () => {
  const binding = createBinding();

  it('the stub declares every binding entry, and nothing else', () => {
    assertSameNames(defs(classBody('Binding'), '    '), Object.keys(binding), 'class Binding in _playground_host.pyi');
  });

  it('no two parts of the binding define the same entry', () => {
    const parts = [creation, random, numpyRandom, tensorMeta, autograd(undefined), printing, numpy, storage, optimizers];
    const own = ['call', 'error_type'];
    const count = own.length + parts.reduce((n, p) => n + Object.keys(p).length, 0);
    assert.equal(Object.keys(binding).length, count);
  });

  it("the stub's OpName and InplaceOpName list the op tables", () => {
    assertSameNames(literal('OpName'), Object.keys(ops), 'OpName');
    assertSameNames(literal('InplaceOpName'), Object.keys(inplaceOps), 'InplaceOpName');
  });

  it('the stub declares the settings the worker passes', () => {
    const source = readFileSync(join(root, 'src/runtime/host/workerProtocol.ts'), 'utf8');
    const block = /export interface WorkerSettings \{([\s\S]*?)\n\}/.exec(source);
    assert.ok(block);
    const fields = [...block[1].matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]);
    const declared = classBody('Settings').flatMap((l) => /^ {4}(\w+):/.exec(l)?.[1] ?? []);
    assertSameNames(declared, fields, 'class Settings in _playground_host.pyi');
  });

  it('the stub declares the module the worker registers', () => {
    const source = readFileSync(join(root, 'src/runtime/host/worker.ts'), 'utf8');
    const block = /registerJsModule\('_playground_host', \{([\s\S]*?)\n {2}\}\);/.exec(source);
    assert.ok(block);
    const registered = [...block[1].matchAll(/^ {4}(\w+)\b/gm)].map((m) => m[1]);
    const declared = [...stub.matchAll(/^(?:def (\w+)\(|(\w+): \w+$)/gm)].map((m) => m[1] ?? m[2]);
    assertSameNames(declared, registered, 'module-level names in _playground_host.pyi');
  });

  it('every entry and op the Python sources name exists', () => {
    const sources = pythonSources(join(root, 'src/python')).join('\n');
    const entries = new Set([...sources.matchAll(/(?<![\w.])_?E\.(\w+)|_playground_host\.binding\.(\w+)/g)].map((m) => m[1] ?? m[2]));
    const opNames = new Set([...sources.matchAll(/(?<![\w.])_?op\("(\w+)"/g)].map((m) => m[1]));
    assert.ok(entries.size > 50 && opNames.size > 50, 'the patterns still find the call sites');
    assert.deepEqual([...entries].filter((n) => !(n in binding)), [], 'binding entries Python names');
    assert.deepEqual([...opNames].filter((n) => !(n in ops)), [], 'op names Python passes to op()');
  });
});
