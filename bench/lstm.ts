/**
 * `npm run bench -- --only lstm`: one training step of an LSTM (hidden 64, sequence 50, batch 16, input 1;
 * forward, loss, backward) through the Python path, next to real PyTorch measured in the same run, one thread
 * (issue 14's target: at most 3x that) and its default threads.
 */
import { openSession } from '../src/runtime/host/runner';
import { runTorch, torchPython } from './torchReference';

const HIDDEN = 64;
const SEQ = 50;
const BATCH = 16;

/** `threads`: a torch.set_num_threads line for PyTorch, empty for ours (single-threaded anyway). */
const LSTM_STEP = (threads: string, steps: number): string => `
import json, time, torch
${threads}
torch.manual_seed(0)
lstm = torch.nn.LSTM(1, ${HIDDEN})
x = torch.randn(${SEQ}, ${BATCH}, 1)
def step():
    out, (h, c) = lstm(x)
    out.pow(2).mean().backward()
    lstm.zero_grad()
for _ in range(2):
    step()
times = []
for _ in range(${steps}):
    t0 = time.perf_counter()
    step()
    times.append(time.perf_counter() - t0)
times.sort()
print(json.dumps({"ms": times[len(times) // 2] * 1e3}))
`;

function torchStepMs(python: string, threads: string): number {
  return (JSON.parse(runTorch(python, LSTM_STEP(threads, 30), 'default')) as { ms: number }).ms;
}

export async function lstmSection(): Promise<void> {
  console.log(`\n== LSTM training step (hidden ${HIDDEN}, sequence ${SEQ}, batch ${BATCH}; forward + backward, median) ==`);
  const session = await openSession();
  let ours: number;
  try {
    const r = await session.run(LSTM_STEP('', 7), 'bench_lstm.py');
    if (r.status !== 'ok') throw new Error(r.stderr);
    ours = (JSON.parse(r.stdout) as { ms: number }).ms;
  } finally {
    await session.close();
  }
  console.log(`ours:                  ${ours.toFixed(1)} ms/step`);
  const python = torchPython();
  if (!python) {
    console.log('PyTorch: not found (no python with torch); the ratio is skipped');
    return;
  }
  const one = torchStepMs(python, 'torch.set_num_threads(1)');
  const all = torchStepMs(python, '');
  console.log(`PyTorch, one thread:   ${one.toFixed(2)} ms/step  (ours: ${(ours / one).toFixed(1)}x; target at most 3x)`);
  console.log(`PyTorch, its threads:  ${all.toFixed(2)} ms/step  (ours: ${(ours / all).toFixed(1)}x)`);
}
