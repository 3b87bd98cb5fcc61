/**
 * The debugger's cases, run on each backend that can pause a script (the playground runtime:
 * test/python/_playground/pause.test.ts; real PyTorch through the probe: test/pythonBackend/debugger.test.ts):
 * pause, step, continue and stop at backward() and at optimizer.step(), each pause condition, and the
 * console's evaluation in the paused frame. The script is always called /work/train.py.
 */
import { strict as assert } from 'node:assert';
import { NO_PAUSE_CONDITIONS, type ConsoleEvent, type PauseConditions, type PausedEvent, type RunEvent } from '../../src/protocol/events';
import type { RunControl, RunHandle } from '../../src/runtime/host/runner';

/** Starts `source` as /work/train.py with `conditions`, every event to `onEvent`. */
export type DebugStarter = (source: string, conditions: PauseConditions, onEvent: (e: RunEvent) => void) => RunHandle;

export const SCRIPT_NAME = '/work/train.py';

/** A run whose pauses a test waits for, one at a time. */
class Debugged {
  readonly events: RunEvent[] = [];
  readonly handle: RunHandle;
  private waiters: Array<{ type: RunEvent['type']; resolve(e: RunEvent): void }> = [];
  /** Per type, how many of its events next() has handed out: events that came in one chunk wait their turn. */
  private taken = new Map<RunEvent['type'], number>();

  constructor(start: DebugStarter, source: string, conditions: Partial<PauseConditions> = {}, pauseFirst = false) {
    this.handle = start(source, { ...NO_PAUSE_CONDITIONS, ...conditions }, (e) => {
      this.events.push(e);
      const i = this.waiters.findIndex((w) => w.type === e.type);
      if (i >= 0) {
        this.taken.set(e.type, (this.taken.get(e.type) ?? 0) + 1);
        this.waiters.splice(i, 1)[0].resolve(e);
      }
    });
    if (pauseFirst) this.control.pause();
  }

  get control(): RunControl {
    assert.ok(this.handle.control, 'the backend offers run controls');
    return this.handle.control;
  }

  next<T extends RunEvent['type']>(type: T, timeoutMs = 30000): Promise<Extract<RunEvent, { type: T }>> {
    const seen = this.events.filter((e) => e.type === type);
    const taken = this.taken.get(type) ?? 0;
    if (seen.length > taken) {
      this.taken.set(type, taken + 1);
      return Promise.resolve(seen[taken] as Extract<RunEvent, { type: T }>);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms; got ${this.events.map((e) => e.type).join(' ')}`)), timeoutMs);
      this.waiters.push({
        type,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e as Extract<RunEvent, { type: T }>);
        },
      });
    });
  }

  steps(): number {
    return this.events.filter((e) => e.type === 'backward').length;
  }

  stdout(): string {
    return this.events.map((e) => (e.type === 'stdout' ? e.text : '')).join('');
  }
}

/**
 * Defines the debugger's suites for one backend. `starter` is called when the suites run (a backend may find
 * its interpreter in a `before` hook); `stopMs`: how long a stop of a paused run may take.
 */
export function debuggerSuites(backend: string, starter: () => DebugStarter, stopMs: number): void {
  const started: RunHandle[] = [];
  const debug = (source: string, conditions: Partial<PauseConditions> = {}, pauseFirst = false): Debugged => {
    const run = new Debugged(starter(), source, conditions, pauseFirst);
    started.push(run.handle);
    return run;
  };
  // A case that failed leaves no paused script behind (a real Python's would keep the process alive).
  afterEach(() => {
    for (const handle of started.splice(0)) handle.stop();
  });
  const LOOP = `import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for i in range(5):
    opt.zero_grad()
    loss = (w * w).sum()
    loss.backward()
    opt.step()
print("done", w.tolist())
`;
  const BACKWARD_LINE = 7;
  const STEP_LINE = 8;

  function sleep(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }

  describe(`debugger (${backend}): pause, step, continue, stop`, function () {
    this.timeout(120000);

    it('pauses when backward() returns, stays put, steps one iteration, continues to the end', async () => {
      const run = debug(LOOP, {}, true);
      const paused = await run.next('paused');
      assert.deepEqual([paused.step, paused.at, paused.reason, paused.line, paused.file], [1, 'backward', 'request', BACKWARD_LINE, SCRIPT_NAME]);
      assert.ok(run.control.paused);
      // The paused step's whole graph and the variables now came before the pause.
      const before = run.events.slice(0, run.events.indexOf(paused));
      assert.ok(before.some((e) => (e.type === 'backward' && e.step === 1 && e.graph.nodes.length > 0) || e.type === 'graph'));
      // The last one is the pause's own (a whole-graph capture may have sent one too).
      const vars = before.filter((e) => e.type === 'variables');
      const last = vars[vars.length - 1];
      assert.ok(last && last.type === 'variables' && before.lastIndexOf(last) === before.length - 1, 'the variables event comes right before the pause');
      assert.equal(last.at, 'backward');
      assert.equal(last.step, 1);
      assert.deepEqual(last.variables.find((v) => v.name === 'w.grad')?.value.text, 'tensor([ 2., -4.])');
      await sleep(300);
      assert.equal(run.steps(), 1, 'no step while paused');
      run.control.step();
      await run.next('resumed');
      const second = await run.next('paused');
      assert.equal(second.step, 2);
      assert.equal(run.steps(), 2);
      run.control.resume();
      const result = await run.handle.done;
      assert.equal(result.status, 'ok');
      assert.equal(run.steps(), 5);
      assert.match(run.stdout(), /^done /);
      assert.equal(run.events.filter((e) => e.type === 'paused').length, 2);
    });

    it('pauses when optimizer.step() returns with pauseAt step', async () => {
      const run = debug(LOOP, { pauseAt: 'step' }, true);
      const paused = await run.next('paused');
      assert.deepEqual([paused.step, paused.at, paused.line], [1, 'step', STEP_LINE]);
      // step() ran: w moved by lr * grad.
      const answer = await run.control.evaluate('w');
      assert.equal(answer.output, 'tensor([ 0.8000, -1.6000], requires_grad=True)\n');
      run.control.step();
      const second = await run.next('paused');
      assert.deepEqual([second.step, second.at, second.line], [2, 'step', STEP_LINE]);
      run.control.resume();
      assert.equal((await run.handle.done).status, 'ok');
      assert.equal(run.steps(), 5);
    });

    it('pauses at step N, at a non-finite loss, and at a gradient norm over a threshold', async () => {
      let run = debug(LOOP, { atStep: 3 });
      let paused: PausedEvent = await run.next('paused');
      assert.deepEqual([paused.step, paused.reason], [3, 'atStep']);
      run.control.resume();
      assert.equal((await run.handle.done).status, 'ok');
      assert.equal(run.events.filter((e) => e.type === 'paused').length, 1);

      const diverging = `import torch
w = torch.tensor([3.0], requires_grad=True)
for i in range(6):
    loss = (w ** 40).sum() * 1e300
    loss.backward()
    with torch.no_grad():
        w -= 0.0 * w.grad
print("end")
`;
      run = debug(diverging, { nonFinite: true });
      paused = await run.next('paused');
      assert.deepEqual([paused.step, paused.reason, paused.line], [1, 'nonFinite', 5]);
      run.control.resume();
      // Every later step is not finite too: each pauses.
      assert.equal((await run.next('paused')).step, 2);
      run.handle.stop();
      assert.equal((await run.handle.done).status, 'stopped');

      // Gradient norms: |2w| = 2·|w|, w shrinks by 0.8 per step: 4.47, 3.58, 2.86, ... Over 3.0: steps 1 and 2.
      run = debug(LOOP, { gradNormAbove: 3.0 });
      paused = await run.next('paused');
      assert.deepEqual([paused.step, paused.reason], [1, 'gradNorm']);
      run.control.resume();
      assert.equal((await run.next('paused')).step, 2);
      run.control.setConditions(NO_PAUSE_CONDITIONS);
      run.control.resume();
      assert.equal((await run.handle.done).status, 'ok');
      assert.equal(run.events.filter((e) => e.type === 'paused').length, 2);
    });

    it('stops a paused run at once, at either pause point', async () => {
      for (const pauseAt of ['backward', 'step'] as const) {
        const run = debug(LOOP, { pauseAt }, true);
        await run.next('paused');
        const t0 = performance.now();
        run.handle.stop();
        const result = await run.handle.done;
        assert.equal(result.status, 'stopped');
        assert.ok(performance.now() - t0 < stopMs, `stopped in ${performance.now() - t0} ms`);
        assert.equal(run.steps(), 1, `${pauseAt}: ${run.events.map((e) => e.type).join(' ')}`);
        assert.ok(!run.stdout().includes('done'));
      }
    });

    it('runs as before when nothing asks for a pause', async () => {
      const run = debug(LOOP);
      assert.equal((await run.handle.done).status, 'ok');
      assert.equal(run.events.filter((e) => e.type === 'paused' || e.type === 'resumed').length, 0);
      assert.equal(run.steps(), 5);
    });
  });

  describe(`debugger (${backend}): the console at a pause`, function () {
    this.timeout(120000);

    const inFunction = `import torch
lr = 0.1
def train(w, steps):
    rate = 0.5
    for i in range(steps):
        loss = (w * w).sum()
        loss.backward()
        with torch.no_grad():
            w -= rate * w.grad
            w.grad.zero_()
    return rate
w = torch.tensor([1.0, -2.0], requires_grad=True)
used = train(w, 3)
print("rate", used, "lr", lr, "w", w.tolist())
`;

    async function ask(run: Debugged, code: string): Promise<ConsoleEvent> {
      const answer = await run.control.evaluate(code);
      assert.equal(answer.code, code);
      assert.ok(run.events.includes(answer), 'the answer is also an event of the run');
      return answer;
    }

    it('evaluates in the function frame that called backward(), prints as the REPL, changes its locals and the globals', async () => {
      const run = debug(inFunction, {}, true);
      const paused = await run.next('paused');
      assert.equal(paused.line, 7);
      assert.equal((await ask(run, 'w.grad')).output, 'tensor([ 2., -4.])\n');
      assert.equal((await ask(run, 'w.grad.norm()')).output, 'tensor(4.4721)\n');
      assert.equal((await ask(run, 'loss.item()')).output, '5.0\n');
      assert.equal((await ask(run, 'rate, i')).output, '(0.5, 0)\n');
      // A statement prints nothing; print() output is the answer's.
      assert.equal((await ask(run, 'x = 3')).output, '');
      assert.equal((await ask(run, 'print("hi", x)')).output, 'hi 3\n');
      // Locals of a function frame, written through frame.f_locals: the loop uses the new rate from here on.
      assert.equal((await ask(run, 'rate = 0.25')).output, '');
      assert.equal((await ask(run, 'rate')).output, '0.25\n');
      // A global from the function's frame needs `global`, as in Python.
      assert.equal((await ask(run, 'global lr; lr = 0.01')).output, '');
      const failed = await ask(run, 'w.nope');
      assert.equal(failed.error, true);
      assert.match(failed.output, /^Traceback \(most recent call last\):\n {2}File "<console>", line 1, in <module>\n[\s\S]*AttributeError: 'Tensor' object has no attribute 'nope'\n$/);
      const syntax = await ask(run, 'w +');
      assert.equal(syntax.error, true);
      assert.match(syntax.output, /SyntaxError: invalid syntax/);
      // Several lines at once run as a block.
      assert.equal((await ask(run, 'a = 1\nb = a + 1\nprint(b)')).output, '2\n');
      run.control.resume();
      assert.equal((await run.handle.done).status, 'ok');
      // w: 1 - 0.25*2 = 0.5 after step 1, then 0.5 - 0.25*1 = 0.25, then 0.125 (and -2 → -1, -0.5, -0.25).
      assert.equal(run.stdout(), 'rate 0.25 lr 0.01 w [0.125, -0.25]\n');
    });

    it('evaluates in the module frame when backward() is called at module level', async () => {
      const run = debug(LOOP, {}, true);
      await run.next('paused');
      assert.equal((await ask(run, 'i, loss')).output, '(0, tensor(5., grad_fn=<SumBackward0>))\n');
      // The gradient zeroed at the pause: step 1's update does nothing, four steps of ×0.8 remain.
      assert.equal((await ask(run, 'w.grad.zero_()')).output, 'tensor([0., 0.])\n');
      run.control.resume();
      await run.handle.done;
      assert.match(run.stdout(), /^done \[0\.409599\d+, -0\.819199\d+\]\n$/);
    });

    it('refuses console code when the run is not paused', async () => {
      const run = debug(LOOP);
      await assert.rejects(run.control.evaluate('1'), /not paused/);
      await run.handle.done;
    });
  });
}
