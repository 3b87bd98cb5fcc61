/**
 * Train Model on every bundled example (the workspace copies the runner made of examples/*.py) prints
 * exactly what the CLI prints, examples/expected/*.out: same losses, same final values.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, log, readText, trainAndWait, workspaceUri } from './helpers';

function exampleNames(): string[] {
  // Listed when mocha loads this file (tests are declared synchronously); the workspace folder is known by then.
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return [];
  return fs
    .readdirSync(vscode.Uri.joinPath(folder.uri, 'examples').fsPath)
    .filter((f) => /^\d\d_.*\.py$/.test(f))
    .sort();
}

function lastNonEmptyLine(text: string): string {
  return text.trimEnd().split('\n').pop() ?? '';
}

suite('Train Model on the bundled examples', () => {
  const names = exampleNames();

  suiteSetup(async () => {
    await api();
  });

  test('the workspace holds the fourteen bundled examples', () => {
    assert.deepEqual(
      names.map((n) => n.slice(0, 2)),
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14'],
    );
  });

  names.forEach((name, i) => {
    test(name, async () => {
      const uri = workspaceUri('examples', name);
      const expected = await readText(workspaceUri('examples', 'expected', name.replace(/\.py$/, '.out')));
      // Alternate the two ways of starting a run: the active editor (keybinding, ▶ button) and a URI (CodeLens).
      const t0 = Date.now();
      const run = await trainAndWait(uri, { viaActiveEditor: i % 2 === 0 });
      log(`      ${name}: ${run.status} in ${Date.now() - t0} ms, ${run.steps} backward() steps, last line: ${lastNonEmptyLine(run.stdout)}`);
      assert.equal(run.error, null, `the run failed: ${run.error?.errorType}: ${run.error?.message}`);
      assert.equal(run.status, 'finished');
      assert.equal(run.stderr, '');
      assert.equal(lastNonEmptyLine(run.stdout), lastNonEmptyLine(expected), 'final output line');
      assert.equal(run.stdout, expected);
      assert.deepEqual(vscode.languages.getDiagnostics(uri), [], 'a finished run leaves no problems');
    });
  });
});
