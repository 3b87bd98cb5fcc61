import { strict as assert } from 'node:assert';
import { printOptions, setPrintOptions } from '../../engine/print/format';
import { readFixture } from '../../../test/paths';
import { fillPrints, printedText } from './probePrint';

interface HostPrintCase {
  code: string;
  shape: number[];
  dtype: string;
  text: string;
  values: Array<number | boolean | string>;
}

/** Made by test/fixtures/host_print.py under real PyTorch. */
export const HOST_PRINT_FIXTURE = JSON.parse(readFixture('host_print.json')) as { about: string; cases: Record<string, HostPrintCase> };

describe('probePrint: the host prints what the probe summarised (test/fixtures/host_print.json)', () => {
  for (const [name, c] of Object.entries(HOST_PRINT_FIXTURE.cases)) {
    it(`${name}: ${c.code}`, () => {
      assert.equal(printedText({ shape: c.shape, dtype: c.dtype, text: '', printValues: c.values }), c.text);
    });
  }
});

describe('probePrint: fillPrints', () => {
  afterEach(() => setPrintOptions({ profile: 'default' }));

  it('fills every summary that came with values, drops the field, and leaves the others alone', () => {
    const value = { shape: [2], dtype: 'float32', numel: 2, text: '', printValues: [1.5, 'nan'], min: null, max: null, mean: 1, norm: 2 };
    const grad = { shape: [], dtype: 'bool', numel: 1, text: '', printValues: [true], min: 1, max: 1, mean: 1, norm: 1 };
    const printed = { shape: [1], dtype: 'complex64', numel: 1, text: 'tensor([1.+0.j])', min: null, max: null, mean: null, norm: null };
    const event = {
      type: 'graph',
      graph: { rootId: 1, nodes: [{ id: 1, value, grad }, { id: 2, value: printed }], edges: [] },
      leaves: [{ id: 1, grad: { ...value, printValues: [...value.printValues] } }],
    };
    fillPrints(event);
    assert.deepEqual(event.graph.nodes[0].value, { shape: [2], dtype: 'float32', numel: 2, text: 'tensor([1.5000,    nan])', min: null, max: null, mean: 1, norm: 2 });
    assert.equal(event.graph.nodes[0].grad?.text, 'tensor(True)');
    assert.ok(!('printValues' in event.graph.nodes[0].grad!));
    assert.equal(event.leaves[0].grad.text, 'tensor([1.5000,    nan])');
    assert.equal(event.graph.nodes[1].value.text, 'tensor([1.+0.j])');
  });

  it('prints under the probe’s options whatever the engine’s print options are, and restores them', () => {
    setPrintOptions({ precision: 2, threshold: 5, edgeitems: 1, linewidth: 40, sciMode: true });
    assert.equal(printedText({ shape: [3], dtype: 'float32', text: '', printValues: [0.5, 1, 2] }), 'tensor([0.5000, 1.0000, 2.0000])');
    assert.deepEqual({ ...printOptions }, { precision: 2, threshold: 5, edgeitems: 1, linewidth: 40, sciMode: true });
  });

  it('leaves the text empty for values it cannot print (a dtype it does not know, a count that does not fit)', () => {
    const odd = { shape: [2], dtype: 'int8', text: '', printValues: [1, 2] };
    const short = { shape: [100], dtype: 'float32', text: '', printValues: [1, 2] };
    fillPrints({ type: 'variables', variables: [{ value: odd }, { value: short }] });
    assert.deepEqual([odd.text, 'printValues' in odd, short.text, 'printValues' in short], ['', false, '', false]);
  });
});
