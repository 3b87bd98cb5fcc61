// Diagnostics from error/diverged events (what the editor underlines), with no VS Code.
import { strict as assert } from 'node:assert';
import { backward, diverged, error } from '../../protocol/testEvents';
import { diagnosticsFor, suggestionFix } from './diagnosticsModel';

describe('diagnostics from run events', () => {
  it('puts an uncaught exception on its line', () => {
    assert.deepEqual(diagnosticsFor('a.py', [error(4)]), [{ line: 4, severity: 'error', message: "NameError: name 'x' is not defined", code: 'exception' }]);
  });

  it('skips errors without a line or from another file', () => {
    assert.deepEqual(diagnosticsFor('a.py', [error(null), error(3, 'm', 'RuntimeError', 'other.py')]), []);
  });

  it('warns on the backward() line of a diverged run, naming the step and likely causes', () => {
    const [d] = diagnosticsFor('a.py', [backward(1), diverged(37, 12)]);
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 12);
    assert.equal(d.code, 'diverged');
    assert.equal(d.step, 37);
    assert.match(d.message, /^Training diverged at step 37: the loss became nan\. Likely causes: a learning rate that is too large, or input features that are not scaled/);
  });

  it('puts a Python warning on its line with its category and text', () => {
    const warning = (line: number | null, file: string | null = 'a.py') =>
      ({ type: 'warning', t: 1, category: 'UserWarning', message: 'Using a target size (torch.Size([4])) that is different to the input size', file, line }) as const;
    assert.deepEqual(diagnosticsFor('a.py', [warning(5), warning(null), warning(2, 'other.py')]), [
      { line: 5, severity: 'warning', message: 'UserWarning: Using a target size (torch.Size([4])) that is different to the input size', code: 'warning' },
    ]);
  });

  it('marks where a detectNonFinite run found the first NaN', () => {
    const [d] = diagnosticsFor('a.py', [error(8, 'non-finite values detected: PowBackward0 (pow) returned inf values. …', 'RuntimeError')]);
    assert.equal(d.code, 'nonFinite');
    assert.match(d.message, /^NaN or inf first appears here: non-finite values detected: PowBackward0 \(pow\)/);
  });
});

describe("the quick fix of Python's 'Did you mean'", () => {
  it('replaces a misspelt name, not a longer name or an attribute that contains it', () => {
    assert.deepEqual(suggestionFix("NameError: name 'los' is not defined. Did you mean: 'loss'?", 'print(closs, x.los, los.item())'), {
      start: 20, end: 23, wrong: 'los', right: 'loss',
    });
  });

  it('replaces an attribute after its dot, and takes a suggestion with a dot (self.x)', () => {
    assert.deepEqual(
      suggestionFix("AttributeError: 'Linear' object has no attribute 'weigth'. Did you mean: 'weight'?", 'w = model.fc. weigth.grad'),
      { start: 14, end: 20, wrong: 'weigth', right: 'weight' },
    );
    assert.deepEqual(suggestionFix("NameError: name 'weights' is not defined. Did you mean: 'self.weights'?", '        return x @ weights'), {
      start: 19, end: 26, wrong: 'weights', right: 'self.weights',
    });
  });

  it('offers nothing without a suggestion or without the name on the line', () => {
    assert.equal(suggestionFix("NameError: name 'los' is not defined", 'print(los)'), null);
    assert.equal(suggestionFix("NameError: name 'los' is not defined. Did you mean: 'loss'?", 'print(loss)'), null);
  });
});
