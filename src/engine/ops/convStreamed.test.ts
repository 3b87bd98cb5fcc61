// The streamed float32 convolution (im2col into the WebAssembly matmul's memory, bias and col2im on its result)
// gives conv.ts's recorded-op path's numbers bit for bit: forward, and the input, weight and bias gradients,
// over strides, paddings (uneven 'same' included), dilations, 1-D and 2-D, with and without bias, against the
// same convolution with the kernels off (the JavaScript loops compute the same chains).
import { strict as assert } from 'node:assert';
import * as A from '../backward';
import { fromValues } from '../creation';
import { Tensor } from '../tensor';
import { engineWasm, withoutWasm } from '../wasm/instance';
import { ConvOptions, convolution } from './conv';

function values(n: number, seed: number): number[] {
  const out: number[] = [];
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(s / 2 ** 31 - 1);
  }
  return out;
}

function leaf(shape: number[], seed: number): Tensor {
  const t = fromValues(values(shape.reduce((a, b) => a * b, 1), seed), shape, 'float32');
  t.requiresGrad = true;
  return t;
}

interface Run { out: number[]; gx: number[]; gw: number[]; gb: number[] | null }

function run(xs: number[], ws: number[], bias: boolean, o: ConvOptions): Run {
  const x = leaf(xs, 1);
  const w = leaf(ws, 2);
  const b = bias ? leaf([ws[0]], 3) : null;
  const out = convolution(x, w, b, o);
  const g = fromValues(values(out.numel, 4), out.shape.slice(), 'float32');
  A.backward(out, g);
  return { out: out.toNumberArray(), gx: x.grad!.toNumberArray(), gw: w.grad!.toNumberArray(), gb: b ? b.grad!.toNumberArray() : null };
}

function opts(stride: number[], padding: number[] | 'same' | 'valid', dilation: number[]): ConvOptions {
  return { stride, padding, dilation, transposed: false, outputPadding: stride.map(() => 0), groups: 1 };
}

describe('streamed float32 convolution', () => {
  const cases: Array<[string, number[], number[], boolean, ConvOptions]> = [
    ['3x3 padding 1 (the bench CNN)', [3, 2, 9, 11], [5, 2, 3, 3], true, opts([1, 1], [1, 1], [1, 1])],
    ['one input channel, no bias', [2, 1, 7, 7], [9, 1, 3, 3], false, opts([1, 1], [0, 0], [1, 1])],
    ['stride and dilation', [2, 3, 13, 12], [4, 3, 3, 2], true, opts([2, 3], [2, 1], [2, 1])],
    ["uneven 'same' padding", [2, 2, 6, 9], [3, 2, 2, 4], true, opts([1, 1], 'same', [1, 2])],
    ['1-D', [3, 4, 17], [6, 4, 5], true, opts([2], [3], [1])],
    ['1-D stride 1, padding past the kernel', [2, 3, 10], [4, 3, 3], true, opts([1], [4], [2])],
    ['stride 1: dilation, padding past the kernel', [2, 3, 8, 9], [5, 3, 3, 2], false, opts([1, 1], [4, 3], [2, 3])],
    ["'valid', wider than four columns", [2, 2, 6, 15], [3, 2, 2, 5], true, opts([1, 1], 'valid', [1, 1])],
    ['wide k (past a k block)', [1, 40, 5, 5], [10, 40, 3, 3], true, opts([1, 1], [1, 1], [1, 1])],
  ];
  for (const [name, xs, ws, bias, o] of cases) {
    it(name, function () {
      if (!engineWasm()?.fusedMadd) this.skip();
      const fast = run(xs, ws, bias, o);
      const slow = withoutWasm(() => run(xs, ws, bias, o));
      assert.deepEqual(fast, slow);
    });
  }
});
