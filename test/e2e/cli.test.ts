// The command line end to end: the built bin/dist files run in a child process (`npm test` builds first).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeEvent } from '../../src/protocol/events';
import { repoRoot } from '../paths';

const root = repoRoot;

describe('cli', () => {
  function runCli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'bin', 'autograd-playground.js'), ...args], { cwd });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agp-cli-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a script, prints its output and writes JSONL events', async () => {
    fs.writeFileSync(path.join(dir, 'train.py'), "print('hello', end='')\nprint(' world')\nx = [1]\nx[5]\n");
    const r = await runCli(['run', 'train.py', '--events', 'events.jsonl'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'hello world\n');
    assert.match(r.stderr, /^Traceback \(most recent call last\):\n {2}File "train\.py", line 4, in <module>\n[\s\S]*IndexError: list index out of range\n$/);
    const events = fs.readFileSync(path.join(dir, 'events.jsonl'), 'utf8').trimEnd().split('\n').map(decodeEvent);
    assert.deepEqual(events.map((e) => e.type), ['start', 'stdout', 'stderr', 'error', 'variables', 'end']);
    const start = events[0];
    assert.ok(start.type === 'start' && start.file === 'train.py' && start.version === 1);
    const end = events[events.length - 1];
    assert.ok(end.type === 'end' && end.status === 'error');
  });

  it('exits 0 on success and 2 for a missing file', async () => {
    fs.writeFileSync(path.join(dir, 'ok.py'), "print('fine')\n");
    const ok = await runCli(['run', 'ok.py'], dir);
    assert.deepEqual([ok.code, ok.stdout, ok.stderr], [0, 'fine\n', '']);
    const missing = await runCli(['run', 'nope.py'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /can't open file 'nope\.py': No such file or directory/);
    const help = await runCli(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: autograd-playground run FILE\.py/);
  });
});
