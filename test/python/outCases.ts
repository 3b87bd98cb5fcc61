/**
 * What the out=/keyword suites of torch and NumPy share (test/python/torch/out-and-keywords.test.ts,
 * test/python/numpy/out-and-keywords.test.ts): replaying fixture cases through test/harness/replay_out_cases.py,
 * and checking one result against what the real library did.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PythonSession } from '../../src/runtime/host/runner';
import { harnessDir } from '../paths';

/** A case: its code, and the repr and warnings (or the error, or only its type) the real library gave. */
export interface OutCase { code: string; fn?: string; has_out?: boolean; repr?: string; warnings?: string[]; error?: string; error_type?: string }
export interface OutResult { repr?: string; warnings?: string[]; error?: string }

export async function replayOutCases(session: PythonSession, library: 'torch' | 'numpy', prelude: string, cases: OutCase[]): Promise<OutResult[]> {
  const body = fs.readFileSync(path.join(harnessDir, 'replay_out_cases.py'), 'utf8');
  const json = (v: unknown) => JSON.stringify(JSON.stringify(v));
  const r = await session.run(`LIBRARY_JSON = ${json(library)}\nPRELUDE_JSON = ${json(prelude)}\nCASES_JSON = ${json(cases)}\n${body}`, 'replay_out_cases.py');
  assert.equal(r.status, 'ok', r.stderr);
  return JSON.parse(r.stdout) as OutResult[];
}

export function checkOutCase(c: OutCase, r: OutResult): void {
  if (c.error_type !== undefined) {
    assert.ok(r.error?.startsWith(`${c.error_type}: `), `expected a ${c.error_type}, got ${JSON.stringify(r)}`);
    return;
  }
  if (c.error !== undefined) {
    assert.equal(r.error, c.error);
    return;
  }
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.repr, c.repr);
  assert.deepEqual(r.warnings ?? [], c.warnings ?? []);
}
