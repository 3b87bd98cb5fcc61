// Train Model on a selection: which lines run, at which line numbers, dedented.
import { strict as assert } from 'node:assert';
import { selectedLines, selectionSource } from './selectionSource';

describe('running a selection', () => {
  it('takes the lines a selection touches, less a last line reached only at column 0', () => {
    assert.equal(selectedLines({ line: 3, character: 4 }, { line: 3, character: 4 }), null);
    assert.deepEqual(selectedLines({ line: 3, character: 4 }, { line: 3, character: 9 }), { start: 3, end: 3 });
    assert.deepEqual(selectedLines({ line: 2, character: 0 }, { line: 5, character: 0 }), { start: 2, end: 4 });
    assert.deepEqual(selectedLines({ line: 2, character: 0 }, { line: 5, character: 1 }), { start: 2, end: 5 });
  });

  it('keeps line numbers (other lines blank) and dedents lines taken from a function body', () => {
    const text = ['import torch', 'def main():', '    w = torch.ones(2)', '    if True:', '        print(w)', '', 'main()'].join('\n');
    assert.equal(selectionSource(text, { start: 2, end: 4 }), ['', '', 'w = torch.ones(2)', 'if True:', '    print(w)', '', ''].join('\n'));
    assert.equal(selectionSource('a = 1\r\nb = 2\r\n', { start: 1, end: 1 }), '\nb = 2\n');
  });
});
