/**
 * The bundled examples run from the CLI exactly as a user runs them, and print what is checked in under
 * examples/expected (see examples/README.md for where those outputs come from).
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../paths';

const ROOT = repoRoot;
const EXAMPLES = path.join(ROOT, 'examples');
const CLI = path.join(ROOT, 'dist', 'cli.js');
// The command line's cache (Pyodide's memory snapshot, made by the first example, loaded by the others), in a
// folder of this suite's own rather than the user's.
const CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'agp-examples-cache-'));

function runCli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'run', file], { cwd: ROOT, env: { ...process.env, XDG_CACHE_HOME: CACHE } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('bundled examples from the CLI', function () {
  this.timeout(60000);
  after(() => fs.rmSync(CACHE, { recursive: true, force: true }));
  const scripts = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.py')).sort();

  it('has an expected output for every example', () => {
    for (const s of scripts) {
      assert.ok(fs.existsSync(path.join(EXAMPLES, 'expected', s.replace(/\.py$/, '.out'))), `missing expected output for ${s}`);
    }
  });

  for (const script of scripts) {
    it(script, async () => {
      const expected = fs.readFileSync(path.join(EXAMPLES, 'expected', script.replace(/\.py$/, '.out')), 'utf8');
      const r = await runCli(path.join('examples', script));
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      assert.equal(r.stdout, expected);
    });
  }
});
