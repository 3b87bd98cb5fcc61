/**
 * The real-Python backend's cost on a training loop (issue 17): examples/07's loop (bench/python/loop07.py,
 * 3000 steps, which prints its own µs per step, so torch's import is left out) run directly and through the
 * probe, without events, with events but no source lines, and with both (the TorchFunctionMode). Whole graphs
 * at most every 100 ms, as the panel asks. `npx tsx bench/probeOverhead.ts [PYTHON]` (default /usr/bin/python3).
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { startPythonRun, type PythonRunOptions } from '../src/runtime/python/pythonRun';

const python = process.argv[2] ?? '/usr/bin/python3';
const cwd = path.join(__dirname, 'python');
const REPS = 5;

const variants: Array<[string, Partial<PythonRunOptions> | null]> = [
  ['python loop07.py', null],
  ['probe, no events', { instrument: false }],
  ['probe, events, no lines', { trackLines: false }],
  ['probe, events + lines', {}],
];

async function main(): Promise<void> {
  const times = new Map<string, number[]>(variants.map(([k]) => [k, []]));
  for (let rep = 0; rep < REPS; rep++) {
    for (const [name, opts] of variants) {
      const out = opts === null
        ? execFileSync(python, ['loop07.py'], { cwd }).toString()
        : (await startPythonRun({ python, file: 'loop07.py', cwd, graphIntervalMs: 100, ...opts }).done).stdout;
      times.get(name)!.push(parseFloat(out));
    }
  }
  const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const base = median(times.get(variants[0][0])!);
  for (const [name, v] of times) {
    const m = median(v);
    console.log(`${name.padEnd(26)} ${m.toFixed(1).padStart(8)} µs/step  ${((m / base - 1) * 100).toFixed(0).padStart(5)}%`);
  }
}

void main();
