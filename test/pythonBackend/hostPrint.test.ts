/**
 * The prints the probe leaves to the host, on real PyTorch: for each tensor of test/fixtures/host_print.json (and
 * a few more), the probe's summary, printed here by src/runtime/python/probePrint.ts, must read exactly as the
 * repr the probe would have sent itself (summary.py's text_of); the tensors the host cannot print exactly (a
 * dtype it does not know, print options that are not the defaults) must keep that repr path.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { decodeJson } from '../../src/protocol/events';
import { fillPrints } from '../../src/runtime/python/probePrint';
import { fixturePath, repoRoot } from '../paths';
import { torchSuite } from './helpers';

// Each case's summary and text_of, the JSON as the probe's channel writes it (non-finite numbers as strings).
const SCRIPT = `
import json, sys, torch
from autograd_playground_probe import channel, summary

def made(code, setup=None):
    torch.manual_seed(0)
    opts = torch._tensor_str.PRINT_OPTS
    saved = {k: getattr(opts, k) for k in ("precision", "threshold", "edgeitems", "linewidth", "sci_mode")}
    dtype = torch.get_default_dtype()
    try:
        if setup:
            exec(setup)
        t = eval(code)
        return {"summary": summary.summarize(t), "repr": summary.text_of(t.detach())}
    finally:
        torch.set_default_dtype(dtype)
        torch.set_printoptions(**saved)

out = {"fixture": {}, "extra": {}}
for name, c in json.load(open(sys.argv[1]))["cases"].items():
    out["fixture"][name] = made(c["code"])
for name, (code, setup) in json.loads(sys.argv[2]).items():
    out["extra"][name] = made(code, setup)
print(json.dumps(channel._finite(out), allow_nan=False))
`;

/** [code, setup run before it, whether the host prints it]. */
const EXTRA: Record<string, [string, string | null, boolean]> = {
  'a leaf that requires grad': ['torch.ones(2, requires_grad=True) * 1.5', null, true],
  'a parameter': ['torch.nn.Parameter(torch.randn(3))', null, true],
  'a transposed (non-contiguous) tensor': ['torch.randn(10, 12).t()', null, true],
  'an int64 past 2**53': ['torch.tensor([2**60, 1])', null, false],
  'complex': ['torch.tensor([1 + 2j, -0.5j])', null, false],
  'int8': ['torch.arange(5, dtype=torch.int8)', null, false],
  'uint8': ['torch.arange(100, dtype=torch.uint8)', null, false],
  'precision 2': ['torch.randn(4)', 'torch.set_printoptions(precision=2)', false],
  'sci_mode forced': ['torch.randn(4)', 'torch.set_printoptions(sci_mode=True)', false],
  'linewidth 120': ['torch.randn(40)', 'torch.set_printoptions(linewidth=120)', false],
  'threshold 10': ['torch.randn(20)', 'torch.set_printoptions(threshold=10)', false],
  'edgeitems 2': ['torch.randn(100)', 'torch.set_printoptions(edgeitems=2)', false],
  'threshold and edgeitems above the cut': ['torch.randn(100)', 'torch.set_printoptions(threshold=5000, edgeitems=5)', true],
  'default dtype float64': ['torch.randn(3)', 'torch.set_default_dtype(torch.float64)', false],
};

interface Sent {
  summary: { text: string; printValues?: unknown };
  repr: string;
}

function run(python: string): Promise<{ fixture: Record<string, Sent>; extra: Record<string, Sent> }> {
  const setups = Object.fromEntries(Object.entries(EXTRA).map(([name, [code, setup]]) => [name, [code, setup]]));
  return new Promise((resolve, reject) => {
    execFile(
      python,
      ['-W', 'ignore', '-c', SCRIPT, fixturePath('host_print.json'), JSON.stringify(setups)],
      { env: { ...process.env, PYTHONPATH: path.join(repoRoot, 'src', 'probe') }, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(decodeJson(stdout) as never)),
    );
  });
}

describe('python backend: the host prints the probe’s summaries exactly as PyTorch would', function () {
  this.timeout(120000);
  const suite = torchSuite({});
  let sent: Awaited<ReturnType<typeof run>>;
  before(async () => {
    sent = await run(suite.python);
  });

  it('sends values, not a print, for every fixture tensor, and the host’s print is the repr', () => {
    const wrong: string[] = [];
    for (const [name, s] of Object.entries(sent.fixture)) {
      if (!Array.isArray(s.summary.printValues)) wrong.push(`${name}: no printValues`);
      fillPrints(s.summary);
      if (s.summary.text !== s.repr) wrong.push(`${name}:\n${s.summary.text}\n!==\n${s.repr}`);
    }
    assert.deepEqual(wrong, []);
  });

  for (const [name, [code, , hostPrints]] of Object.entries(EXTRA)) {
    it(`${name} (${code}): ${hostPrints ? 'printed here' : 'printed by PyTorch'}`, () => {
      const s = sent.extra[name];
      assert.equal(Array.isArray(s.summary.printValues), hostPrints);
      if (!hostPrints) assert.equal(s.summary.text, s.repr);
      fillPrints(s.summary);
      assert.ok(s.repr.startsWith('tensor('), s.repr);
      assert.equal(s.summary.text, s.repr);
    });
  }
});
