/**
 * Values as the fixture generators write them (test/harness/gen_distributions_fixture.py,
 * gen_nn_layers_fixture.py): tensors as shape, dtype and flat data with NaN and ±inf spelled as strings, nested
 * in lists, beside plain Python values.
 */
export interface TensorSpec { shape: number[]; dtype: string; data: Array<number | string | boolean> }
export type Value = TensorSpec | Value[] | string | number | boolean | null;

/** One element of a tensor's data as a number ('nan', 'inf', '-inf' and booleans included). */
export function num(v: number | string | boolean): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity;
}

export function isTensor(v: Value): v is TensorSpec {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'shape' in v;
}
