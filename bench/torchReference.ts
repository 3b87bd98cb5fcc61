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
