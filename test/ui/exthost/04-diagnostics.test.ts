/** A script that raises gets an error on the failing line with PyTorch's / Python's message; a good run clears it. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { openPython, trainAndWait, writeScript } from './helpers';

const SOURCE = 'Autograd Playground';

function errorsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

suite('diagnostics for failing scripts', () => {
  test('a shape mismatch: RuntimeError on the matmul line', async () => {
    const uri = await writeScript(
      'shape_mismatch.py',
      ['import torch', '', 'a = torch.ones(2, 3)', 'b = torch.ones(4, 5)', 'c = a @ b', 'print(c)', ''].join('\n'),
    );
    await openPython(uri);
    const run = await trainAndWait(uri);
    assert.equal(run.status, 'failed');
    assert.equal(run.error?.errorType, 'RuntimeError');
    assert.equal(run.error?.line, 5);
    const diags = errorsOf(uri);
    assert.equal(diags.length, 1, JSON.stringify(diags));
    const [d] = diags;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, 4);
    assert.equal(d.range.start.character, 0);
    assert.equal(d.range.end.character, 'c = a @ b'.length);
    assert.equal(d.message, 'RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)');
    assert.ok(run.stderr.includes('RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)'), run.stderr);
  });

  test('a SyntaxError: on the line Python reports, and cleared by a run of the fixed text', async () => {
    const uri = await writeScript('syntax_error.py', ['import torch', '', 'x = torch.tensor([1.0, 2.0]', 'y = x * 2', 'print(y)', ''].join('\n'));
    const editor = await openPython(uri);
    const run = await trainAndWait(uri);
    assert.equal(run.status, 'failed');
    assert.equal(run.error?.errorType, 'SyntaxError');
    const diags = errorsOf(uri);
    assert.equal(diags.length, 1, JSON.stringify(diags));
    assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diags[0].range.start.line, 2);
    assert.equal(diags[0].message, "SyntaxError: '(' was never closed");

    // Fix the (unsaved) text: Train Model runs the editor's text and the problem goes away.
    const ok = await editor.edit((e) => e.insert(editor.document.lineAt(2).range.end, ')'));
    assert.ok(ok, 'the edit was not applied');
    const fixed = await trainAndWait(uri);
    assert.equal(fixed.status, 'finished', fixed.error?.message);
    assert.equal(fixed.stdout, 'tensor([2., 4.])\n');
    assert.deepEqual(errorsOf(uri), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});

suite("Python's 'Did you mean' as a quick fix", () => {
  test("a misspelt name: the error keeps Python's suggestion and its quick fix makes the change", async () => {
    const uri = await writeScript(
      'did_you_mean.py',
      ['import torch', '', 'loss = torch.tensor(2.0)', 'print(los.item())', ''].join('\n'),
    );
    const editor = await openPython(uri);
    const run = await trainAndWait(uri);
    assert.equal(run.status, 'failed');
    const [d] = errorsOf(uri);
    assert.equal(d.message, "NameError: name 'los' is not defined. Did you mean: 'loss'?");
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range)) ?? [];
    const fix = actions.find((a) => a.title === "Change 'los' to 'loss'");
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(3).text, 'print(loss.item())');
    const fixed = await trainAndWait(uri);
    assert.equal(fixed.status, 'finished', fixed.error?.message);
    assert.equal(fixed.stdout, '2.0\n');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
