/** The extension as installed in the host: which copy runs, activation on a Python file, its commands. */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, extension, log, openPython, waitFor, workspaceUri } from './helpers';

suite('activation and commands', () => {
  test('the extension under test is the expected copy (development folder or installed VSIX)', () => {
    const ext = extension();
    // Set by the runner (test/ui/runExtHost.mjs): which target this run checks, and where it must come from.
    const target = process.env.AGP_UI_TARGET;
    const expectedDir = process.env.AGP_UI_EXTENSION_DIR;
    log(`    vscode ${vscode.version} (${vscode.env.appHost}), target ${target ?? '?'}, extension at ${ext.extensionPath}`);
    if (target === 'dev' && expectedDir) assert.equal(path.resolve(ext.extensionPath), path.resolve(expectedDir));
    if (target === 'vsix' && expectedDir) {
      assert.ok(
        path.resolve(ext.extensionPath).startsWith(path.resolve(expectedDir) + path.sep),
        `expected the VSIX's copy under ${expectedDir}, got ${ext.extensionPath}`,
      );
    }
  });

  test('is not active before a Python file is opened', () => {
    assert.equal(extension().isActive, false);
  });

  test('activates when a Python file is opened', async () => {
    await openPython(workspaceUri('examples', '01_scalar_gradient.py'));
    await waitFor('the extension to activate', () => extension().isActive, 30000, 50);
    const exported = extension().exports;
    assert.equal(typeof exported.whenDone, 'function');
    assert.equal(typeof exported.lastRun, 'function');
  });

  test('registers all its commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = COMMANDS.filter((c) => !all.has(c));
    assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
    const contributed = (extension().packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    assert.deepEqual(contributed, [...COMMANDS].sort(), 'package.json contributes other commands than the suite knows');
  });
});
