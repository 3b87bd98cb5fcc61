// Which Python the python backend runs: the Python extension's, else the setting, else PATH; the first source
// that names one decides, even when that one has no torch.
import { strict as assert } from 'node:assert';
import type { PythonCheck } from '../../runtime/python/pythonRun';
import { chooseInterpreter, type InterpreterSources } from './interpreter';

const ok = (exe: string): PythonCheck => ({ ok: true, info: { executable: exe, version: '3.11.2', torch: '2.11.0' } });
const noTorch = (exe: string): PythonCheck => ({ ok: false, reason: 'no-torch', message: `no torch at ${exe}`, executable: exe });

function sources(over: Partial<InterpreterSources>): InterpreterSources & { checked: string[]; searched: number } {
  const s = {
    checked: [] as string[],
    searched: 0,
    pythonExtension: () => Promise.resolve<string | undefined>(undefined),
    pythonPath: '',
    check(python: string): Promise<PythonCheck> {
      s.checked.push(python);
      return Promise.resolve(ok(python));
    },
    findOnPath(): Promise<{ python: string; check: PythonCheck }> {
      s.searched++;
      return Promise.resolve({ python: 'python3', check: ok('/usr/bin/python3') });
    },
    ...over,
  };
  return s;
}

describe('the python backend’s interpreter', () => {
  it('takes the Python extension’s selected interpreter first, over the setting and PATH', async () => {
    const s = sources({ pythonExtension: () => Promise.resolve('/venv/bin/python'), pythonPath: '/opt/py/bin/python3' });
    const choice = await chooseInterpreter(s);
    assert.equal(choice.python, '/venv/bin/python');
    assert.equal(choice.source, 'pythonExtension');
    assert.deepEqual(s.checked, ['/venv/bin/python']);
    assert.equal(s.searched, 0);
  });

  it('takes autogradPlayground.pythonPath when the Python extension names none (not installed, or no answer)', async () => {
    const s = sources({ pythonPath: '/opt/py/bin/python3' });
    const choice = await chooseInterpreter(s);
    assert.deepEqual([choice.python, choice.source], ['/opt/py/bin/python3', 'setting']);
    assert.equal(s.searched, 0);
  });

  it('does not fail when asking the Python extension throws: the next source decides', async () => {
    const s = sources({ pythonExtension: () => Promise.reject(new Error('API changed')), pythonPath: '/opt/py/bin/python3' });
    assert.equal((await chooseInterpreter(s)).source, 'setting');
  });

  it('looks on PATH last', async () => {
    const s = sources({});
    const choice = await chooseInterpreter(s);
    assert.deepEqual([choice.python, choice.source], ['python3', 'path']);
    assert.equal(s.searched, 1);
    assert.deepEqual(s.checked, []);
  });

  it('reports a chosen interpreter without torch instead of trying another one', async () => {
    const s = sources({
      pythonExtension: () => Promise.resolve('/venv/bin/python'),
      pythonPath: '/opt/py/bin/python3',
      check: (python) => Promise.resolve(python === '/venv/bin/python' ? noTorch(python) : ok(python)),
    });
    const choice = await chooseInterpreter(s);
    assert.equal(choice.python, '/venv/bin/python');
    assert.equal(choice.check.ok, false);
    assert.equal(choice.check.ok === false && choice.check.reason, 'no-torch');
    assert.equal(choice.check.ok === false && choice.check.executable, '/venv/bin/python');
  });
});
