/**
 * The end-of-run `variables` event on real PyTorch, as the playground sends it (its cases:
 * test/python/_playground/variables.test.ts): the module globals, and the locals of each user frame that the
 * exception or sys.exit() ending the script passed through, each with its ScopeInfo; aliases among the names.
 */
import { strict as assert } from 'node:assert';
import type { RunEvent, VariablesEvent } from '../../src/protocol/events';
import { startPythonRun } from '../../src/runtime/python/pythonRun';
import type { RunResult } from '../../src/runtime/host/runner';
import { torchSuite } from './helpers';

const NESTED = [
  'import torch',
  'def train():',
  '    w = torch.ones(2, requires_grad=True)',
  '    def step(x):',
  '        h = x * w',
  '        return h @ torch.ones(3)',
  '    return step(torch.ones(2))',
  'g = torch.zeros(1)',
  'train()',
  '',
].join('\n');

const EXIT = [
  'import sys, torch',
  'model = torch.nn.Linear(2, 1)',
  'W1 = model.weight',
  'def main():',
  '    t = torch.ones(1)',
  '    sys.exit(0)',
  'main()',
  '',
].join('\n');

const RETURNED = ['import torch', 'def main():', '    t = torch.ones(1)', '    return t.sum()', 'main()', ''].join('\n');

function variablesOf(events: RunEvent[]): VariablesEvent {
  const found = events.filter((e): e is VariablesEvent => e.type === 'variables' && e.at !== 'backward');
  assert.equal(found.length, 1, 'exactly one end-of-run variables event');
  return found[0];
}

/** `scope:name=aliasOf` of an event's variables (globals without `scope:`). */
function scoped(e: VariablesEvent): string[] {
  return e.variables.map((v) => `${v.scope === undefined ? '' : `${v.scope}:`}${v.name}${v.aliasOf ? '=' + v.aliasOf : ''}`);
}

describe('variables in function scopes on the python backend', function () {
  this.timeout(120000);
  const s = torchSuite({ 'nested.py': NESTED, 'exit.py': EXIT, 'returned.py': RETURNED });

  const run = (file: string): Promise<RunResult> => startPythonRun({ python: s.python, file, cwd: s.dir }).done;

  it('lists the frames an uncaught exception passed through, innermost first, the raising one marked', async () => {
    const r = await run('nested.py');
    assert.equal(r.status, 'error');
    const end = variablesOf(r.events);
    assert.deepEqual(end.scopes, [
      { kind: 'function', name: 'train.<locals>.step', file: 'nested.py', firstLine: 4, lastLine: 6, line: 6, raised: true },
      // A function that ends with a nested def ends where that body ends.
      { kind: 'function', name: 'train', file: 'nested.py', firstLine: 2, lastLine: 7, line: 7 },
    ]);
    assert.deepEqual(scoped(end).sort(), ['0:h', '0:w', '0:x', '1:w', 'g']);
  });

  it("sys.exit() inside a function: that frame's locals, not marked as raising; aliases among globals", async () => {
    const r = await run('exit.py');
    assert.equal(r.status, 'ok', r.stderr);
    const end = variablesOf(r.events);
    assert.deepEqual(end.scopes, [{ kind: 'function', name: 'main', file: 'exit.py', firstLine: 4, lastLine: 6, line: 6 }]);
    assert.deepEqual(scoped(end).sort(), ['0:t', 'W1=model.weight', 'model.bias', 'model.weight']);
    assert.deepEqual(end.objects?.map((o) => o.name), ['model']);
  });

  it('a script that returned from its functions: the globals only, no scopes', async () => {
    const r = await run('returned.py');
    assert.equal(r.status, 'ok', r.stderr);
    const end = variablesOf(r.events);
    assert.equal(end.scopes, undefined);
    assert.deepEqual(end.variables, []);
  });
});
