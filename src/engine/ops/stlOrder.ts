/**
 * libstdc++'s std::sort, std::nth_element and std::partial_sort, step for step: PyTorch's CPU sort (stable=False)
 * and topk order tied values by whatever these algorithms leave, so reproducing their moves reproduces its
 * indices. Each works on an array of positions, comparing through `less(a, b)` (the comparator PyTorch passes).
 */
export type Less = (a: number, b: number) => boolean;

const THRESHOLD = 16;

function lg(n: number): number {
  return 31 - Math.clz32(n);
}

function swap(v: number[], i: number, j: number): void {
  const t = v[i];
  v[i] = v[j];
  v[j] = t;
}

function moveMedianToFirst(v: number[], result: number, a: number, b: number, c: number, less: Less): void {
  if (less(v[a], v[b])) {
    if (less(v[b], v[c])) swap(v, result, b);
    else if (less(v[a], v[c])) swap(v, result, c);
    else swap(v, result, a);
  } else if (less(v[a], v[c])) swap(v, result, a);
  else if (less(v[b], v[c])) swap(v, result, c);
  else swap(v, result, b);
}

function unguardedPartition(v: number[], first: number, last: number, pivot: number, less: Less): number {
  for (;;) {
    while (less(v[first], v[pivot])) first++;
    last--;
    while (less(v[pivot], v[last])) last--;
    if (!(first < last)) return first;
    swap(v, first, last);
    first++;
  }
}

function partitionPivot(v: number[], first: number, last: number, less: Less): number {
  const mid = first + ((last - first) >> 1);
  moveMedianToFirst(v, first, first + 1, mid, last - 1, less);
  return unguardedPartition(v, first + 1, last, first, less);
}

function unguardedLinearInsert(v: number[], last: number, less: Less): void {
  const val = v[last];
  let next = last - 1;
  while (less(val, v[next])) {
    v[last] = v[next];
    last = next;
    next--;
  }
  v[last] = val;
}

function insertionSort(v: number[], first: number, last: number, less: Less): void {
  if (first === last) return;
  for (let i = first + 1; i < last; i++) {
    if (less(v[i], v[first])) {
      const val = v[i];
      for (let j = i; j > first; j--) v[j] = v[j - 1];
      v[first] = val;
    } else unguardedLinearInsert(v, i, less);
  }
}

function pushHeap(v: number[], first: number, hole: number, top: number, value: number, less: Less): void {
  let parent = (hole - 1) >> 1;
  while (hole > top && less(v[first + parent], value)) {
    v[first + hole] = v[first + parent];
    hole = parent;
    parent = (hole - 1) >> 1;
  }
  v[first + hole] = value;
}

function adjustHeap(v: number[], first: number, hole: number, len: number, value: number, less: Less): void {
  const top = hole;
  let child = hole;
  while (child < (len - 1) >> 1) {
    child = 2 * (child + 1);
    if (less(v[first + child], v[first + child - 1])) child--;
    v[first + hole] = v[first + child];
    hole = child;
  }
  if ((len & 1) === 0 && child === (len - 2) >> 1) {
    child = 2 * (child + 1);
    v[first + hole] = v[first + child - 1];
    hole = child - 1;
  }
  pushHeap(v, first, hole, top, value, less);
}

function makeHeap(v: number[], first: number, last: number, less: Less): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = (len - 2) >> 1; ; parent--) {
    adjustHeap(v, first, parent, len, v[first + parent], less);
    if (parent === 0) return;
  }
}

function popHeap(v: number[], first: number, last: number, result: number, less: Less): void {
  const value = v[result];
  v[result] = v[first];
  adjustHeap(v, first, 0, last - first, value, less);
}

function heapSelect(v: number[], first: number, middle: number, last: number, less: Less): void {
  makeHeap(v, first, middle, less);
  for (let i = middle; i < last; i++) if (less(v[i], v[first])) popHeap(v, first, middle, i, less);
}

function sortHeap(v: number[], first: number, last: number, less: Less): void {
  while (last - first > 1) {
    last--;
    popHeap(v, first, last, last, less);
  }
}

export function partialSort(v: number[], first: number, middle: number, last: number, less: Less): void {
  heapSelect(v, first, middle, last, less);
  sortHeap(v, first, middle, less);
}

function introsortLoop(v: number[], first: number, last: number, depth: number, less: Less): void {
  while (last - first > THRESHOLD) {
    if (depth === 0) {
      partialSort(v, first, last, last, less);
      return;
    }
    depth--;
    const cut = partitionPivot(v, first, last, less);
    introsortLoop(v, cut, last, depth, less);
    last = cut;
  }
}

export function stlSort(v: number[], first: number, last: number, less: Less): void {
  if (first === last) return;
  introsortLoop(v, first, last, lg(last - first) * 2, less);
  if (last - first > THRESHOLD) {
    insertionSort(v, first, first + THRESHOLD, less);
    for (let i = first + THRESHOLD; i < last; i++) unguardedLinearInsert(v, i, less);
  } else insertionSort(v, first, last, less);
}

export function nthElement(v: number[], first: number, nth: number, last: number, less: Less): void {
  if (first === last || nth === last) return;
  let depth = lg(last - first) * 2;
  while (last - first > 3) {
    if (depth === 0) {
      heapSelect(v, first, nth + 1, last, less);
      swap(v, first, nth);
      return;
    }
    depth--;
    const cut = partitionPivot(v, first, last, less);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  insertionSort(v, first, last, less);
}
