/**
 * What nn-conv.test.ts, nn-pooling.test.ts and nn-padding.test.ts share: the cases of test/fixtures/conv_pool.json (made by
 * test/harness/gen_conv_pool_fixture.py with real PyTorch), run through a Pyodide session. A "V:" line holds a
 * tensor (shape, dtype, values) and is compared within float32 rounding; every other line is compared exactly.
 */
import { strict as assert } from 'node:assert';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';
import { readFixture } from '../../paths';

interface Case {
  code: string;
  stdout: string;
}

interface Fixture {
  conv: Record<string, Case>;
  pool: Record<string, Case>;
  pad: Record<string, Case>;
}

interface Values {
  shape: number[];
  dtype: string;
  v: Array<number | null>;
}

const fixture = JSON.parse(readFixture('conv_pool.json')) as Fixture;

/** Relative and absolute tolerance for values summed in another order than PyTorch's kernels. */
function close(a: number | null, b: number | null, dtype: string): boolean {
  if (a === null || b === null) return a === b;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  // 16-bit results: rounded once from float32 as PyTorch does, so equal up to a float32 difference crossing a
  // rounding boundary (one unit in the last place).
  const [rtol, atol] = dtype === 'torch.float64' ? [1e-10, 1e-12] : dtype === 'torch.bfloat16' ? [8e-3, 1e-5] : dtype === 'torch.float16' ? [1e-3, 1e-6] : [2e-5, 2e-5];
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

function compareLine(ours: string, ref: string, where: string): void {
  if (!ref.startsWith('V:') || !ours.startsWith('V:')) {
    assert.equal(ours, ref, where);
    return;
  }
  const a = JSON.parse(ours.slice(2)) as Values;
  const b = JSON.parse(ref.slice(2)) as Values;
  assert.deepEqual([a.shape, a.dtype], [b.shape, b.dtype], where);
  for (let i = 0; i < b.v.length; i++) {
    if (!close(a.v[i], b.v[i], b.dtype)) assert.fail(`${where}: element ${i} is ${a.v[i]}, PyTorch's is ${b.v[i]}`);
  }
}

export function describeCases(title: string, suite: keyof Fixture): void {
  describe(title, function () {
    this.timeout(120000);
    let session: PythonSession;
    before(async () => {
      session = await openSession();
    });
    after(async () => {
      await session.close();
    });

    for (const [name, { code, stdout }] of Object.entries(fixture[suite])) {
      it(name, async () => {
        const body = code.split('\n');
        const prelude = body.slice(0, body.findIndex((l) => l.startsWith('def name(')) + 2);
        const rest = body.slice(prelude.length).join('\n');
        const wrapped = `${prelude.join('\n')}\nimport warnings\nwarnings.simplefilter("ignore")\ntry:\n${rest.replace(/^/gm, '    ')}\nexcept Exception as e:\n    print(type(e).__name__ + ": " + str(e))\n`;
        const r = await session.run(wrapped, 'case.py');
        assert.equal(r.status, 'ok', r.stderr);
        const ours = r.stdout.split('\n');
        const ref = stdout.split('\n');
        for (let i = 0; i < Math.max(ours.length, ref.length); i++) compareLine(ours[i] ?? '<none>', ref[i] ?? '<none>', `line ${i + 1}`);
      });
    }
  });
}
