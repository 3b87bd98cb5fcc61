/** Real PyTorch as the bench's reference: the first python3 that imports torch, run with one thread. */
import { execFileSync } from 'node:child_process';

/** Debian's /usr/bin/python3 has python3-torch where the python3 first on PATH may not. */
export function torchPython(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
      return python;
    } catch {
      // try the next
    }
  }
  return null;
}

/** Runs `source` under that Python with one BLAS/OpenMP thread and returns its stdout. */
export function runTorch(python: string, source: string, threads: 'one' | 'default' = 'one'): string {
  const env = threads === 'one' ? { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' } : process.env;
  return execFileSync(python, ['-c', source], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Python that defines `t(f, reps, min_s)`: the median seconds per call of `f` over `reps` batches, each batch
 * long enough (calls doubled until a quarter of `min_s`) for the clock. The same in both runtimes a section
 * compares. Needs `time` imported.
 */
export const PY_TIMER = `
def t(f, reps=5, min_s=0.06):
    f(); inner = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(inner): f()
        if time.perf_counter() - t0 >= min_s / 4: break
        inner *= 2
    s = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(inner): f()
        s.append((time.perf_counter() - t0) / inner)
    return sorted(s)[reps // 2]
`;
