// Pyodide's memory snapshot (snapshot.ts) with the real runtime (the built dist/worker.js): the first start saves
// it, later starts load it and get an interpreter that works as a plain one, and a snapshot that does not load
// is made again.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startRun, type RunOptions, type RunResult } from './runner';

describe('memory snapshot', function () {
  this.timeout(120000);

  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agp-snapshot-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function run(source: string, opts: Partial<RunOptions> = {}): Promise<RunResult> {
    return startRun({ file: 'script.py', source, snapshotDir: dir, ...opts }).done;
  }

  /** The one snapshot file in `dir`, with its inode (a snapshot made again is a new file renamed over it). */
  function snapshot(): { file: string; ino: number } {
    const files = fs.readdirSync(dir);
    assert.equal(files.length, 1, files.join(', '));
    assert.match(files[0], /^pyodide-snapshot-[\d.]+-[\d.]+-[0-9a-f]{24}\.bin$/);
    const file = path.join(dir, files[0]);
    return { file, ino: fs.statSync(file).ino };
  }

  it('is saved by the first start and loaded by the next, whose interpreter works as a plain one', async () => {
    const first = await run("print('first')\n");
    assert.equal(first.status, 'ok', first.stderr);
    const made = snapshot();

    const script = [
      'import sys, random, torch',
      "print(sys.path.count(''), random.random())",
      "print(torch.tensor([1.0, 2.0]) * 3, file=sys.stderr)",
      'try:',
      '    input()',
      'except EOFError:',
      "    print('EOFError')",
      'def f(n):',
      '    return f(n + 1)',
      'try:',
      '    f(0)',
      'except RecursionError:',
      "    print('RecursionError')",
    ].join('\n');
    const a = await run(script);
    const b = await run(script);
    assert.equal(snapshot().ino, made.ino, 'loaded, not made again');
    for (const r of [a, b]) {
      assert.equal(r.status, 'ok', r.stderr);
      assert.match(r.stdout, /^1 0\.\d+\nEOFError\nRecursionError\n$/);
      assert.equal(r.stderr, 'tensor([3., 6.])\n');
    }
    // random's generator is seeded per worker, not once for every worker started from the snapshot.
    assert.notEqual(a.stdout.split('\n')[0], b.stdout.split('\n')[0]);
  });

  it('lets a stop interrupt a script in an interpreter loaded from it', async () => {
    assert.equal((await run('pass\n')).status, 'ok');
    const made = snapshot();
    const handle = startRun({
      file: 'loop.py',
      source: "print('looping')\ntry:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('interrupted')\n    raise\n",
      snapshotDir: dir,
      onEvent: (e) => {
        if (e.type === 'stdout' && e.text.startsWith('looping')) setTimeout(() => handle.stop(), 50);
      },
    });
    const r = await handle.done;
    assert.equal(snapshot().ino, made.ino);
    assert.equal(r.status, 'stopped');
    assert.equal(r.stdout, 'looping\ninterrupted\n');
  });

  it('is made again when it does not load, and replaces those of other versions', async () => {
    assert.equal((await run('pass\n')).status, 'ok');
    const { file } = snapshot();
    fs.writeFileSync(file, 'not a snapshot');
    fs.writeFileSync(path.join(dir, 'pyodide-snapshot-0.0.1-0.0.1-000000000000000000000000.bin'), 'an old one');
    const r = await run("print('ok')\n");
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'ok\n');
    const remade = snapshot();
    assert.equal(remade.file, file);
    assert.ok(fs.statSync(file).size > 1024 * 1024);
    assert.equal((await run("print('again')\n")).stdout, 'again\n');
    assert.equal(snapshot().ino, remade.ino, 'the snapshot made again loads');
  });

  it('leaves a run unharmed when its folder cannot be written', async () => {
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, '');
    const r = await run("print('ok')\n", { snapshotDir: path.join(blocked, 'snapshots') });
    assert.deepEqual([r.status, r.stdout, r.stderr], ['ok', 'ok\n', '']);
  });
});
