// The tables' fitting to the panel's width: never wider than the panel, fewer columns or stacked rows when narrow.
import { strict as assert } from 'node:assert';
import { fitVariableColumns, leafTableLayout, LEAF_TENSOR_MIN_WIDTH } from './fit';

describe('fitting the tables to the panel', () => {
  it('never makes the Variables columns wider than the panel, down to 200 px', () => {
    for (let w = 200; w <= 1600; w += 7) {
      const cols = fitVariableColumns(w);
      assert.equal(cols.reduce((s, c) => s + c.width, 0), w, `${w} px`);
      assert.ok(cols.every((c) => c.width > 0), `${w} px: ${JSON.stringify(cols)}`);
    }
  });

  it('gives up the dtype, then the shape, as the panel narrows; keeps name, value and norm', () => {
    const ids = (w: number): string[] => fitVariableColumns(w).map((c) => c.id);
    assert.deepEqual(ids(1000), ['name', 'shape', 'dtype', 'value', 'grad']);
    assert.deepEqual(ids(552), ['name', 'shape', 'dtype', 'value', 'grad'], "VS Code's default panel width at 1280 px, less padding");
    assert.deepEqual(ids(400), ['name', 'shape', 'value', 'grad']);
    assert.deepEqual(ids(346), ['name', 'value', 'grad'], 'a 400 px panel less its padding');
    assert.deepEqual(ids(150), ['name', 'value', 'grad']);
    // The name and the value get the most of what is left.
    const wide = Object.fromEntries(fitVariableColumns(1000).map((c) => [c.id, c.width]));
    assert.ok(wide.name > wide.shape && wide.value > wide.name && wide.value > wide.grad, JSON.stringify(wide));
  });

  it('puts value and gradient side by side only where each print has room, else stacks them', () => {
    assert.equal(leafTableLayout(400), 'stacked');
    assert.equal(leafTableLayout(572), 'stacked', "VS Code's default panel width at 1280 px");
    assert.equal(leafTableLayout(300 + 2 * LEAF_TENSOR_MIN_WIDTH), 'columns');
    assert.equal(leafTableLayout(1200), 'columns');
  });
});
