/**
 * The editor's python-backend runs (src/extension/runs/pythonScript.ts) on a real PyTorch: a saved file runs
 * in its own folder as `python script.py` would; unsaved edits and untitled documents run without a byte of the
 * user's files written; the stream names the backend, PyTorch's version and the model's device.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunEvent, StartEvent, TorchEvent } from '../../src/protocol/events';
import type { RunResult } from '../../src/runtime/host/runner';
import { scriptFiles, startPythonScript } from '../../src/extension/runs/pythonScript';
import { torchSuite } from './helpers';

const TRAIN = [
  'import os, torch',
  'import helper',
  'print("cwd", os.getcwd())',
  'print("file", __file__)',
  'model = torch.nn.Linear(2, 1)',
  'x = torch.ones(4, 2)',
  'loss = model(x).pow(2).mean()',
  'loss.backward()',
  'print("helper", helper.VALUE)',
  '',
].join('\n');

async function run(python: string, file: string, source: string, cwd: string | undefined): Promise<{ result: RunResult; events: RunEvent[] }> {
  const events: RunEvent[] = [];
  const result = await startPythonScript({ python, file, source, cwd, graphNodeLimit: 200, graphIntervalMs: 0, collect: true, onEvent: (e) => events.push(e) }).done;
  return { result, events };
}

describe('editor runs on the python backend', function () {
  this.timeout(120000);
  const s = torchSuite({ 'train.py': TRAIN, 'helper.py': 'VALUE = 42\n' });

  it('runs a saved file in its folder, and names the backend, the PyTorch version and the device', async () => {
    const file = path.join(s.dir, 'train.py');
    assert.deepEqual(scriptFiles(file, TRAIN, s.dir), { script: file, cwd: s.dir });
    const { result, events } = await run(s.python, file, TRAIN, s.dir);
    assert.equal(result.status, 'ok', result.stderr);
    assert.match(result.stdout, new RegExp(`^cwd ${fs.realpathSync(s.dir).replace(/[/\\\\.]/g, '\\$&')}$`, 'm'));
    assert.match(result.stdout, /^helper 42$/m);
    const start = events[0] as StartEvent;
    assert.equal(start.type, 'start');
    assert.equal(start.backend, 'python');
    assert.equal(start.file, file);
    const torch = events.filter((e): e is TorchEvent => e.type === 'torch');
    assert.equal(torch.length, 2, 'the version first, then once the device');
    assert.match(torch[0].version, /^\d+\.\d+/);
    assert.equal(torch[0].device, null);
    assert.equal(torch[1].device, 'cpu');
    const backward = events.find((e) => e.type === 'backward');
    assert.ok(backward && backward.file === file);
  });

  it('runs unsaved edits without writing the file: the edited text runs as the file, its tracebacks quote it', async () => {
    const file = path.join(s.dir, 'train.py');
    const edited = TRAIN.replace('print("helper", helper.VALUE)', 'print("edited", helper.VALUE)\nraise ValueError("from the edit")');
    const files = scriptFiles(file, edited, s.dir);
    assert.equal(files.script, file);
    assert.ok(files.sourceFile && files.temp && files.sourceFile.startsWith(files.temp));
    fs.rmSync(files.temp!, { recursive: true, force: true });

    const { result, events } = await run(s.python, file, edited, s.dir);
    assert.equal(fs.readFileSync(file, 'utf8'), TRAIN, 'the saved file is untouched');
    assert.equal(result.status, 'error');
    assert.match(result.stdout, /^edited 42$/m);
    assert.match(result.stdout, new RegExp(`^file ${file.replace(/[/\\\\.]/g, '\\$&')}$`, 'm'));
    assert.match(result.stderr, /raise ValueError\("from the edit"\)/);
    const error = events.find((e) => e.type === 'error');
    assert.ok(error && error.type === 'error');
    assert.equal(error.file, file);
    assert.equal(error.line, 10);
    assert.deepEqual(fs.readdirSync(s.dir).sort(), ['helper.py', 'train.py']);
  });

  it('runs an untitled document from a folder of its own, named as the editor names it, and removes the folder', async () => {
    const source = 'import os, torch\nprint(os.path.basename(__file__))\nw = torch.ones(2, requires_grad=True)\n(w * 2).sum().backward()\n';
    const { result, events } = await run(s.python, '07_example.py', source, undefined);
    assert.equal(result.status, 'ok', result.stderr);
    assert.equal(result.stdout, '07_example.py\n');
    const start = events[0] as StartEvent;
    assert.equal(start.file, '07_example.py');
    const backward = events.find((e) => e.type === 'backward');
    assert.ok(backward && backward.file === '07_example.py');
    const cwdLine = (await run(s.python, 'Untitled-1', 'import os\nprint(os.getcwd())\n', undefined)).result.stdout.trim();
    assert.match(path.basename(cwdLine), /^autograd-playground-/);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(fs.existsSync(cwdLine), false, 'the temporary folder is removed after the run');
  });
});
