/**
 * How the panel's tables fit the width they are given: never wider than the panel, so nothing scrolls
 * sideways down to a 400 px panel. Pure (widths in, columns out), so the suite checks the fitting at every
 * width; the views measure their section and apply the result.
 */

export type VariableColumn = 'name' | 'shape' | 'dtype' | 'value' | 'grad';

interface ColumnSpec {
  id: VariableColumn;
  /** Narrowest it stays readable, in px (the name and value wrap; shape, dtype and norm are short). */
  min: number;
  /** Share of the width left over once every column has its minimum. */
  weight: number;
}

const VARIABLE_COLUMNS: readonly ColumnSpec[] = [
  { id: 'name', min: 128, weight: 2 },
  { id: 'shape', min: 72, weight: 1 },
  { id: 'dtype', min: 60, weight: 0.5 },
  { id: 'value', min: 104, weight: 4 },
  { id: 'grad', min: 76, weight: 1 },
];

/**
 * Columns given up first when the width runs short: the dtype (in the row's tooltip), then the shape (which
 * then goes under the name, with the dtype).
 */
const DROP_ORDER: readonly VariableColumn[] = ['dtype', 'shape'];

export interface FittedColumn {
  id: VariableColumn;
  width: number;
}

/**
 * The Variables table's columns for `width` px: as many as fit at their minimum, the rest of the width
 * shared by weight; whole pixels that add up to `width` exactly (the last column takes the rounding).
 */
export function fitVariableColumns(width: number): FittedColumn[] {
  const w = Math.max(0, Math.floor(width));
  let cols = [...VARIABLE_COLUMNS];
  for (const drop of DROP_ORDER) {
    if (cols.reduce((s, c) => s + c.min, 0) <= w) break;
    cols = cols.filter((c) => c.id !== drop);
  }
  const mins = cols.reduce((s, c) => s + c.min, 0);
  const spare = w - mins;
  const weights = cols.reduce((s, c) => s + c.weight, 0);
  const out: FittedColumn[] = [];
  let used = 0;
  cols.forEach((c, i) => {
    // Below even the minimums, every column shrinks by the same share.
    const width = i === cols.length - 1 ? w - used : spare >= 0 ? c.min + Math.floor((spare * c.weight) / weights) : Math.floor((c.min * w) / mins);
    used += width;
    out.push({ id: c.id, width });
  });
  return out;
}

/** The values table: value and gradient side by side when each gets this much, else under the name. */
export const LEAF_TENSOR_MIN_WIDTH = 260;
/** What the name, shape and norm columns take beside the two tensor columns. */
const LEAF_OTHER_COLUMNS_WIDTH = 300;

export type LeafLayout = 'columns' | 'stacked';

/** Columns when the two tensor prints each get LEAF_TENSOR_MIN_WIDTH, else each leaf stacked on its own lines. */
export function leafTableLayout(width: number): LeafLayout {
  return width - LEAF_OTHER_COLUMNS_WIDTH >= 2 * LEAF_TENSOR_MIN_WIDTH ? 'columns' : 'stacked';
}

