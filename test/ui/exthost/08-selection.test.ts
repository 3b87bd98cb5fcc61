/** Train Model with a selection runs the selected lines only, at the document's line numbers. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, openPython, writeScript } from './helpers';

const SCRIPT = [
  'import torch',
  'print("whole file")',
  'def main():',
  '    w = torch.ones(2, requires_grad=True)',
  '    print("selected", (w * 3).sum().item())',
  '    raise ValueError("from the selection")',
  '',
  'main()',
  '',
].join('\n');

suite('Run a selection', () => {
  test('runs the selected lines of a function body, dedented, with the document’s line numbers', async () => {
    const a = await api();
    const uri = await writeScript('selection.py', SCRIPT);
    const editor = await openPython(uri);
    // Lines 1 and 4–6 (1-based): the import, then the body of main(), selected down to column 0 of line 7.
    editor.selection = new vscode.Selection(3, 0, 6, 0);
    await vscode.commands.executeCommand('autogradPlayground.train');
    const run = await a.whenDone(uri);
    assert.ok(run);
    assert.equal(run.stdout, '', 'line 1 (import torch) was not selected, so torch is undefined and nothing printed');
    assert.equal(run.error?.errorType, 'NameError');
    assert.equal(run.error?.line, 4, 'the error names the document’s line');

    editor.selection = new vscode.Selection(0, 0, 5, 60);
    await vscode.commands.executeCommand('autogradPlayground.train');
    const second = await a.whenDone(uri);
    assert.ok(second);
    assert.equal(second.stdout, 'whole file\n', 'lines 1–6 ran as a script: the def with its body, not main()');

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('autogradPlayground.train');
    const whole = await a.whenDone(uri);
    assert.ok(whole);
    assert.equal(whole.stdout, 'whole file\nselected 6.0\n', 'an empty selection runs the whole file');
    assert.equal(whole.error?.line, 6);
  });
});
