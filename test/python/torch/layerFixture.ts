/**
 * What nn-rnn.test.ts and nn-attention.test.ts share: each case of a fixture made by
 * test/harness/gen_layer_fixtures.py runs in the playground, and what it records is compared with what real
 * PyTorch recorded: strings and lists exactly, tensors marked exact (parameters drawn at a seed) bit for bit,
 * other tensors within float32 rounding of a computation done in another order.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir } from '../../paths';

interface TensorRecord { shape: number[]; values: number[]; exact: boolean }
type Recorded = Record<string, TensorRecord | string | number | boolean | null | unknown[]>;
interface Case { name: string; code: string; recorded: Recorded; note?: string }
interface Fixture { prelude: string; epilogue: string; cases: Case[] }

function isTensor(v: unknown): v is TensorRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'values' in v;
}

/** Relative to the tensor's largest magnitude: values near zero come from sums that cancel. */
const TOLERANCE = 2e-5;

function compareTensor(key: string, ours: TensorRecord, ref: TensorRecord): void {
  assert.deepEqual(ours.shape, ref.shape, `${key}: shape`);
  assert.equal(ours.values.length, ref.values.length, `${key}: element count`);
  if (ref.exact) {
    assert.deepEqual(ours.values, ref.values, `${key}: values (bit for bit)`);
    return;
  }
  const scale = Math.max(1, ...ref.values.map(Math.abs));
  for (let i = 0; i < ref.values.length; i++) {
    const d = Math.abs(ours.values[i] - ref.values[i]);
    assert.ok(d <= TOLERANCE * scale, `${key}[${i}]: ${ours.values[i]} vs PyTorch's ${ref.values[i]} (scale ${scale})`);
  }
}

export function describeLayerFixture(title: string, file: string): void {
  const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, file), 'utf8')) as Fixture;
  describe(title, function () {
    this.timeout(300000);
    let session: PythonSession;
    before(async () => {
      session = await openSession();
    });
    after(async () => {
      await session.close();
    });
    for (const c of fixture.cases) {
      it(c.name, async () => {
        const r = await session.run(fixture.prelude + c.code + fixture.epilogue, 'snippet.py');
        assert.equal(r.status, 'ok', r.stderr);
        const lines = r.stdout.trim().split('\n');
        const ours = JSON.parse(lines[lines.length - 1]) as Recorded;
        assert.deepEqual(Object.keys(ours).sort(), Object.keys(c.recorded).sort(), 'recorded keys');
        for (const [key, ref] of Object.entries(c.recorded)) {
          const mine = ours[key];
          if (isTensor(ref) && isTensor(mine)) compareTensor(key, mine, ref);
          else assert.deepEqual(mine, ref, key);
        }
      });
    }
  });
}
