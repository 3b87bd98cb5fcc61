/**
 * The real-Python backend's cost on a training loop (issue 17), on three loops that print their own µs per step
 * (so torch's import is left out): examples/07's (bench/python/loop07.py, 3000 steps of a 5→1 linear model on
 * 200 rows, a step of about 90 µs: the probe's fixed cost per step at its most visible), a small MLP's
 * (bench/python/loop_mlp.py, 1000 steps of an MLP 20→64→64→1 on minibatches of 32 with Adam, about 360 µs), and
 * one of the size the backend is for (bench/python/loop_cnn.py, 300 steps of a LeNet-shaped CNN on minibatches of
 * 64 MNIST-sized images, a few milliseconds). Each runs
 * directly and through the probe, without events, with events but no source lines, and with both (the
 * TorchFunctionMode). Whole graphs at most every 100 ms, as the panel asks. The variants alternate, and the
 * fastest of the repetitions counts: on a shared machine the median moves with the neighbours' load.
 * `npx tsx bench/probeOverhead.ts [PYTHON]` (default /usr/bin/python3), and `npm run bench`'s `probe` section.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startPythonRun, type PythonRunOptions } from '../src/runtime/python/pythonRun';

export const PROBE_LOOPS = ['loop07.py', 'loop_mlp.py', 'loop_cnn.py'];

const variants: Array<[string, Partial<PythonRunOptions> | null]> = [
  ['python (no probe)', null],
  ['probe, no events', { instrument: false }],
  ['probe, events, no lines', { trackLines: false }],
  ['probe, events + lines', {}],
];

/** bench/python beside this file (tsx), or beside the bundle (dist/bench.js runs from dist/). */
function loopFolder(): string {
  const candidates = [path.join(__dirname, 'python'), path.resolve(__dirname, '..', 'bench', 'python')];
  return candidates.find((p) => fs.existsSync(path.join(p, 'loop07.py'))) ?? candidates[0];
}

export interface ProbeCost {
  name: string;
  usPerStep: number;
  /** Over the direct run, in percent. */
  overhead: number;
}

export async function probeOverhead(python: string, reps = 5, loop = 'loop07.py'): Promise<ProbeCost[]> {
  const cwd = loopFolder();
  const times = new Map<string, number[]>(variants.map(([k]) => [k, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const [name, opts] of variants) {
      const out = opts === null
        ? execFileSync(python, [loop], { cwd }).toString()
        : (await startPythonRun({ python, file: loop, cwd, graphIntervalMs: 100, ...opts }).done).stdout;
      times.get(name)!.push(parseFloat(out));
    }
  }
  const best = (v: number[]): number => Math.min(...v);
  const base = best(times.get(variants[0][0])!);
  return [...times].map(([name, v]) => ({ name, usPerStep: best(v), overhead: (best(v) / base - 1) * 100 }));
}

export function printProbeCosts(rows: ProbeCost[]): void {
  for (const r of rows) console.log(`${r.name.padEnd(26)} ${r.usPerStep.toFixed(1).padStart(8)} µs/step  ${r.overhead.toFixed(0).padStart(5)}%`);
}

// Run by itself (tsx); bundled into dist/bench.js, `require.main` is the bundle, so the script's name decides.
if (/probeOverhead\.ts$/.test(process.argv[1] ?? '')) {
  void (async () => {
    for (const loop of PROBE_LOOPS) {
      console.log(`\n${loop}`);
      printProbeCosts(await probeOverhead(process.argv[2] ?? '/usr/bin/python3', 5, loop));
    }
  })();
}
