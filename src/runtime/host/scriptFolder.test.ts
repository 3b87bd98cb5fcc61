// Which folders a run mounts and where Python sees them (Windows paths included, with path.win32), and that
// the file system the script writes through never calls a node:fs function that writes. The mount itself is
// tested through the runtime in test/python/_playground/script-folder.test.ts.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../../test/paths';
import { changeNote, planFolders, pythonPath } from './scriptFolder';

describe('script folder', () => {
  it('shows POSIX paths at their own path and Windows paths under /<drive>', () => {
    assert.equal(pythonPath('/home/me/proj', path.posix), '/home/me/proj');
    assert.equal(pythonPath('/home/me/proj/', path.posix), '/home/me/proj');
    assert.equal(pythonPath('C:\\Users\\me\\proj', path.win32), '/c/Users/me/proj');
    assert.equal(pythonPath('d:\\data', path.win32), '/d/data');
    assert.equal(pythonPath('C:\\', path.win32), '/c');
    assert.equal(pythonPath('\\\\server\\share\\runs', path.win32), '/unc/server/share/runs');
  });

  it('mounts the fewest folders that cover root and cwd', () => {
    assert.deepEqual(planFolders({ root: '/w', cwd: '/w/a/b' }, path.posix), { mounts: [{ hostPath: '/w', mountPoint: '/w' }], cwd: '/w/a/b', refused: [] });
    // A script outside the CLI's folder: both are readable.
    assert.deepEqual(planFolders({ root: '/w', cwd: '/x' }, path.posix).mounts.map((m) => m.mountPoint), ['/w', '/x']);
    // The script's folder above the root (`run ../train.py`): the outer one covers both.
    assert.deepEqual(planFolders({ root: '/w/sub', cwd: '/w' }, path.posix).mounts.map((m) => m.mountPoint), ['/w']);
    assert.deepEqual(planFolders({ root: '/w', cwd: '/w' }, path.posix).mounts.map((m) => m.mountPoint), ['/w']);
    assert.deepEqual(planFolders({}, path.posix), { mounts: [], cwd: null, refused: [] });
    const win = planFolders({ root: 'C:\\proj', cwd: 'C:\\proj\\src' }, path.win32);
    assert.deepEqual(win, { mounts: [{ hostPath: 'C:\\proj', mountPoint: '/c/proj' }], cwd: '/c/proj/src', refused: [] });
  });

  it("never mounts over the interpreter's own folders", () => {
    // A workspace at / would hide the standard library: the script's own folder is mounted instead.
    assert.deepEqual(planFolders({ root: '/', cwd: '/home/me/p' }, path.posix), { mounts: [{ hostPath: '/home/me/p', mountPoint: '/home/me/p' }], cwd: '/home/me/p', refused: ['/'] });
    for (const bad of ['/lib', '/lib/python3.14', '/dev', '/proc/self', '/playground', '/home/pyodide', '/home']) {
      assert.deepEqual(planFolders({ root: bad, cwd: bad }, path.posix).mounts, [], bad);
    }
    // /tmp holds nothing of the interpreter's: a script in /tmp reads its folder.
    assert.deepEqual(planFolders({ root: '/tmp', cwd: '/tmp' }, path.posix).mounts.map((m) => m.mountPoint), ['/tmp']);
  });

  it('words the once-per-run note after the first change', () => {
    assert.equal(changeNote('write', 'model.pt'), "autograd-playground: model.pt was kept in memory, not written to disk (a script's changes to files never reach the disk)\n");
    assert.match(changeNote('delete', 'data.csv'), /^autograd-playground: data\.csv was deleted in memory only, not on disk/);
    assert.match(changeNote('rename', 'a.txt'), /^autograd-playground: a\.txt was renamed in memory only, not on disk/);
  });

  it('calls only the node:fs functions that read', () => {
    const reading = new Set(['readdirSync', 'statSync', 'realpathSync', 'openSync', 'readSync', 'readFileSync', 'closeSync']);
    for (const file of ['memoryOverlay.ts', 'scriptFolder.ts']) {
      const source = readFileSync(path.join(repoRoot, 'src/runtime/host', file), 'utf8');
      const imports = [...source.matchAll(/^import .* from 'node:fs(?:\/promises)?';$/gm)].map((m) => m[0]);
      assert.ok(imports.every((i) => i === "import * as fs from 'node:fs';"), `${file} imports node:fs only as fs`);
      const called = [...source.matchAll(/\bfs\.(\w+)\(/g)].map((m) => m[1]);
      assert.deepEqual(called.filter((name) => !reading.has(name)), [], `${file} calls only reading node:fs functions`);
      for (const m of source.matchAll(/\bfs\.openSync\(([^)]*)\)/g)) assert.match(m[1], /, 'r'$/, `${file}: openSync reads only`);
    }
  });
});
