// The script's folder through the runtime (runtime/host/scriptFolder.ts, memoryOverlay.ts): a run started with
// `root` and `cwd` reads the files beside the script, and nothing it writes, deletes or renames reaches the disk.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openSession, startRun, type PythonSession, type RunResult } from '../../../src/runtime/host/runner';

const NOTE = /autograd-playground: (.*) (was kept in memory, not written to disk|was deleted in memory only, not on disk|was renamed in memory only, not on disk) \(a script's changes to files never reach the disk\)\n/g;

function notes(r: RunResult): string[] {
  return [...r.stderr.matchAll(NOTE)].map((m) => `${m[1]} ${m[2].split(' ')[1]}`);
}

/** Every file under `dir` with its bytes and modification time, to compare before and after a run. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const st = fs.statSync(full);
    out[path.relative(dir, full)] = entry.isDirectory() ? `dir ${st.mtimeMs}` : `${fs.readFileSync(full).toString('base64')} ${st.mtimeMs}`;
  }
  return out;
}

describe('the script folder', function () {
  this.timeout(120000);
  let work: string;
  let proj: string;
  let session: PythonSession;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'agp-folder-'));
    proj = path.join(work, 'proj');
    fs.mkdirSync(path.join(proj, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(proj, 'data.csv'), '# x,y\n1,2\n3,4.5\n');
    fs.writeFileSync(path.join(proj, 'notes.txt'), 'first line\nsecond line\n');
    fs.writeFileSync(path.join(proj, 'helper.py'), 'SCALE = 3\n');
    fs.writeFileSync(path.join(proj, 'sub', 'inner.txt'), 'inner\n');
    fs.writeFileSync(path.join(work, 'shared.txt'), 'above the script\n');
    session = await openSession();
  });
  after(async () => {
    await session.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const run = (source: string): Promise<RunResult> => session.run(source, path.join(proj, 'train.py'), { root: work, cwd: proj });

  it('reads the files beside the script, from its folder as the working directory', async () => {
    const r = await run(
      [
        'import os, numpy as np',
        'print(os.getcwd() == os.path.dirname(__file__))',
        "print(open('notes.txt').readline(), end='')",
        "print(repr(np.loadtxt('data.csv', delimiter=',')))",
        "print(open('../shared.txt').read(), end='')",
        "print(sorted(os.listdir('.')), open('sub/inner.txt').read(), end='')",
        'import helper',
        'print(helper.SCALE)',
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, `True\nfirst line\narray([[1. , 2. ],\n       [3. , 4.5]])\nabove the script\n['data.csv', 'helper.py', 'notes.txt', 'sub'] inner\n3\n`);
    assert.equal(r.stderr, '');
  });

  it('keeps writes in memory: the disk is unchanged, the run reads back what it wrote, and says so once', async () => {
    const before = snapshot(work);
    const r = await run(
      [
        "with open('out.txt', 'w') as f: f.write('made in the run')",
        "with open('notes.txt', 'a') as f: f.write('third line\\n')",
        "with open('data.csv', 'w') as f: f.write('9,9\\n')",
        "print(open('out.txt').read(), open('notes.txt').read().splitlines(), open('data.csv').read(), end='')",
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, "made in the run ['first line', 'second line', 'third line'] 9,9\n");
    assert.deepEqual(notes(r), ['out.txt kept']);
    assert.deepEqual(snapshot(work), before, 'no byte and no modification time changed, and out.txt was not created');
    assert.equal(fs.existsSync(path.join(proj, 'out.txt')), false);
  });

  it('keeps deletions, renames and new folders in memory', async () => {
    const before = snapshot(work);
    const r = await run(
      [
        'import os, shutil',
        "os.remove('notes.txt')",
        "os.rename('data.csv', 'moved.csv')",
        "shutil.rmtree('sub')",
        "os.makedirs('runs/1')",
        "open('runs/1/log.txt', 'w').write('x')",
        "print(sorted(os.listdir('.')), os.path.exists('notes.txt'), open('moved.csv').readline(), end='')",
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, "['helper.py', 'moved.csv', 'runs'] False # x,y\n");
    assert.deepEqual(notes(r), ['notes.txt deleted']);
    assert.deepEqual(snapshot(work), before);
  });

  it('starts every run from the disk again, and forgets the folder when the run ends', async () => {
    const changed = await run("import os\nos.remove('notes.txt')\nopen('new.txt', 'w').write('x')\n");
    assert.equal(changed.status, 'ok', changed.stderr);
    const again = await run("import os\nprint(sorted(os.listdir('.')))\n");
    assert.equal(again.stdout, "['data.csv', 'helper.py', 'notes.txt', 'sub']\n");
    const untitled = await session.run("import os, sys\nprint(os.getcwd(), 'helper' in sys.modules)\nopen(" + JSON.stringify(path.join(proj, 'notes.txt')) + ')\n');
    assert.equal(untitled.stdout, '/home/pyodide False\n');
    assert.match(untitled.stderr, /FileNotFoundError: \[Errno 44\] No such file or directory/);
  });

  it('lists a folder and sizes a 10 GB file without reading it, and reads its first bytes', async () => {
    const big = path.join(proj, 'big.bin');
    fs.writeFileSync(big, 'HEAD');
    fs.truncateSync(big, 10 * 2 ** 30);
    try {
      const started = Date.now();
      const r = await run("import os\nprint(os.path.getsize('big.bin'), 'big.bin' in os.listdir())\nwith open('big.bin', 'rb') as f:\n    print(f.read(4), f.seek(0, 2))\n");
      assert.equal(r.status, 'ok', r.stderr);
      assert.equal(r.stdout, "10737418240 True\nb'HEAD' 10737418240\n");
      assert.ok(Date.now() - started < 20000, 'no 10 GB read');
    } finally {
      fs.rmSync(big);
    }
  });

  it('follows symbolic links, except to a folder that holds them', async () => {
    const linked = path.join(work, 'linked');
    fs.mkdirSync(path.join(linked, 'real'), { recursive: true });
    fs.writeFileSync(path.join(linked, 'real', 'x.txt'), 'x\n');
    fs.symlinkSync(path.join(work, 'shared.txt'), path.join(linked, 'shared-link.txt'));
    fs.symlinkSync(path.join(linked, 'real'), path.join(linked, 'real-link'));
    fs.symlinkSync(linked, path.join(linked, 'real', 'loop'));
    fs.symlinkSync(path.join(linked, 'nowhere'), path.join(linked, 'broken'));
    try {
      const r = await session.run("import os\nprint(sorted(os.path.join(d, f) for d, _, fs in os.walk('.') for f in fs))\nprint(open('shared-link.txt').read(), end='')\n", path.join(linked, 'walk.py'), { root: linked, cwd: linked });
      assert.equal(r.status, 'ok', r.stderr);
      assert.equal(r.stdout, "['./real-link/x.txt', './real/x.txt', './shared-link.txt']\nabove the script\n");
    } finally {
      fs.rmSync(linked, { recursive: true });
    }
  });

  it('startRun takes root and cwd as options', async () => {
    const before = snapshot(work);
    const r = await startRun({ file: path.join(proj, 'train.py'), source: "print(open('notes.txt').read().split()[0])\nopen('notes.txt', 'w').write('gone')\n", root: work, cwd: proj }).done;
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'first\n');
    assert.deepEqual(notes(r), ['notes.txt kept']);
    assert.deepEqual(snapshot(work), before);
  });
});
