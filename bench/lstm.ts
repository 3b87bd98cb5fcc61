/**
 * `npm run bench -- --only lstm`: one training step of an LSTM (hidden 64, sequence 50, batch 16, input 1;
 * forward, loss, backward, zero_grad) through the Python path, next to real PyTorch measured in the same run, one
 * thread (issue 14's target: at most 3x that) and its default threads. Ours runs as the extension runs scripts
 * (backward events, whole graphs at most every 100 ms) and without events. Each side reports the median and the
 * fastest of its steps: on a shared machine the fastest is the steadier number to compare.
 */
import { openSession } from '../src/runtime/host/runner';
import { runTorch, torchPython } from './torchReference';

const HIDDEN = 64;
const SEQ = 50;
const BATCH = 16;
const OUR_STEPS = 20;
/** Steps before the timed ones: ours compiles its hot paths (V8's JIT) in the first few. */
const OUR_WARMUP = 10;

/** `threads`: a torch.set_num_threads line for PyTorch, empty for ours (single-threaded anyway). */
const LSTM_STEP = (threads: string, steps: number, warmup = 2): string => `
import json, time, torch
${threads}
torch.manual_seed(0)
lstm = torch.nn.LSTM(1, ${HIDDEN})
x = torch.randn(${SEQ}, ${BATCH}, 1)
def step():
    out, (h, c) = lstm(x)
    out.pow(2).mean().backward()
    lstm.zero_grad()
for _ in range(${warmup}):
    step()
times = []
for _ in range(${steps}):
    t0 = time.perf_counter()
    step()
    times.append(time.perf_counter() - t0)
times.sort()
print(json.dumps({"ms": times[len(times) // 2] * 1e3, "min": times[0] * 1e3}))
`;

interface StepTimes {
  ms: number;
  min: number;
}

function torchStep(python: string, threads: string): StepTimes {
  return JSON.parse(runTorch(python, LSTM_STEP(threads, 30), 'default')) as StepTimes;
}

export async function lstmSection(): Promise<void> {
  console.log(`\n== LSTM training step (hidden ${HIDDEN}, sequence ${SEQ}, batch ${BATCH}; forward + backward; median, fastest) ==`);
  const session = await openSession({ graphIntervalMs: 100 });
  let ours: StepTimes;
  let quiet: StepTimes;
  try {
    const run = async (instrument: boolean): Promise<StepTimes> => {
      const r = await session.run(LSTM_STEP('', OUR_STEPS, OUR_WARMUP), 'bench_lstm.py', { instrument });
      if (r.status !== 'ok') throw new Error(r.stderr);
      return JSON.parse(r.stdout) as StepTimes;
    };
    await run(true); // the interpreter's first run also loads torch and compiles the engine's and the reporter's paths
    ours = await run(true);
    quiet = await run(false);
  } finally {
    await session.close();
  }
  const fmt = (t: StepTimes): string => `${t.ms.toFixed(1)} ms/step, fastest ${t.min.toFixed(1)}`;
  const python = torchPython();
  if (!python) {
    console.log(`ours, with the panel's events: ${fmt(ours)}`);
    console.log(`ours, without events:          ${fmt(quiet)}`);
    console.log('PyTorch: not found (no python with torch); the ratio is skipped');
    return;
  }
  const one = torchStep(python, 'torch.set_num_threads(1)');
  const all = torchStep(python, '');
  const ratio = (t: StepTimes, ref: StepTimes): string => `${(t.ms / ref.ms).toFixed(1)}x, fastest ${(t.min / ref.min).toFixed(1)}x`;
  console.log(`ours, with the panel's events: ${fmt(ours)}  (PyTorch one thread: ${ratio(ours, one)}; target at most 3x)`);
  console.log(`ours, without events:          ${fmt(quiet)}  (PyTorch one thread: ${ratio(quiet, one)})`);
  console.log(`PyTorch, one thread:           ${fmt(one)}`);
  console.log(`PyTorch, its threads:          ${fmt(all)}  (ours with events: ${ratio(ours, all)})`);
}
