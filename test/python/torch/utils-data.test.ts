/**
 * torch.utils.data through the Python runtime: datasets, default collation, and the DataLoader's sampling order.
 *
 * The shuffle order is pinned from first principles. PyTorch 2.11's DataLoader iterator draws
 * `_base_seed = torch.empty((), dtype=torch.int64).random_(generator=loader.generator)` when it is created; on the
 * first `next()` its RandomSampler draws `seed = int(torch.empty((), dtype=torch.int64).random_().item())` from the
 * default generator (unless the sampler has a generator), seeds a fresh `torch.Generator()` with it and yields
 * `torch.randperm(n, generator=...)`; when the permutation runs out it draws one more `randperm(n)` and keeps none
 * of it. Each int64 `random_()` is `random64() & (2^63 - 1)`, and `random64()` joins two consecutive mt19937 outputs
 * (first one high). The tests compute those outputs with CPython's own MT19937 (`random.Random.setstate` with the
 * state `torch.manual_seed` creates), independently of the engine.
 */
import { strict as assert } from 'node:assert';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';

async function py<T>(session: PythonSession, source: string): Promise<T> {
  const r = await session.run(source, 'data_test.py');
  assert.equal(r.status, 'ok', r.stderr);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

/** CPython's MT19937 in the state `torch.manual_seed(seed)` puts PyTorch's CPU generator in. */
const MT = `
import random
def mt19937(seed):
    mt = [seed & 0xFFFFFFFF]
    for i in range(1, 624):
        mt.append((1812433253 * (mt[-1] ^ (mt[-1] >> 30)) + i) & 0xFFFFFFFF)
    r = random.Random()
    r.setstate((3, tuple(mt) + (624,), None))
    return r
def seed63(r):
    hi = r.getrandbits(32)
    lo = r.getrandbits(32)
    return ((hi << 32) | lo) & (2**63 - 1)
`;

describe('torch.utils.data through the Python runtime', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  describe('datasets', () => {
    it('TensorDataset indexes every tensor and asserts matching first dimensions', async () => {
      const out = await py<{ len: number; item: unknown[]; slice: number[][]; error: string }>(session, `
import json, torch
from torch.utils.data import TensorDataset
ds = TensorDataset(torch.arange(12.).reshape(6, 2), torch.arange(6))
x, y = ds[4]
try:
    TensorDataset(torch.zeros(3, 2), torch.zeros(4))
    err = None
except AssertionError as e:
    err = "AssertionError: %s" % e
print(json.dumps({"len": len(ds), "item": [x.tolist(), y.item()], "slice": [t.tolist() for t in ds[1:3]][1:], "error": err}))`);
      assert.equal(out.len, 6);
      assert.deepEqual(out.item, [[8, 9], 4]);
      assert.deepEqual(out.slice, [[1, 2]]);
      assert.equal(out.error, 'AssertionError: Size mismatch between tensors');
    });

    it('Subset, ConcatDataset (+) and a Dataset subclass', async () => {
      const out = await py<unknown[]>(session, `
import json, torch
from torch.utils.data import Dataset, Subset, ConcatDataset
class Squares(Dataset):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i): return i * i
a, b = Squares(3), Squares(4)
cat = a + b
sub = Subset(b, [3, 1])
try:
    Dataset()[0]
    err = None
except NotImplementedError as e:
    err = str(e)
print(json.dumps([type(cat).__name__, len(cat), [cat[i] for i in range(len(cat))], cat[-1], len(sub), [sub[0], sub[1]], err]))`);
      assert.deepEqual(out, ['ConcatDataset', 7, [0, 1, 4, 0, 1, 4, 9], 9, 2, [9, 1], 'Subclasses of Dataset should implement __getitem__.']);
    });

    it('random_split shuffles with randperm(sum(lengths), generator) and rounds fractions round-robin', async () => {
      const out = await py<{ split: number[][]; perm: number[]; fracs: number[]; error: string; dflt: boolean }>(session, `
import json, torch
from torch.utils.data import random_split
ds = list(range(10))
a, b = random_split(ds, [3, 7], generator=torch.Generator().manual_seed(42))
fr = random_split(list(range(11)), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(1))
try:
    random_split(ds, [3, 3])
    err = None
except ValueError as e:
    err = str(e)
torch.manual_seed(7)
d1 = random_split(ds, [5, 5])[0].indices
torch.manual_seed(7)
d2 = torch.randperm(10).tolist()[:5]
print(json.dumps({"split": [a.indices, b.indices], "perm": torch.randperm(10, generator=torch.Generator().manual_seed(42)).tolist(),
                  "fracs": [len(s) for s in fr], "error": err, "dflt": d1 == d2}))`);
      assert.deepEqual(out.perm, [2, 6, 1, 8, 4, 5, 0, 9, 3, 7]);
      assert.deepEqual(out.split, [[2, 6, 1], [8, 4, 5, 0, 9, 3, 7]]);
      assert.deepEqual(out.fracs, [6, 3, 2]); // floor gives 5, 3, 2; the remainder goes to the first split
      assert.equal(out.error, 'Sum of input lengths does not equal the length of the input dataset!');
      assert.ok(out.dflt, 'without a generator random_split draws from the default generator');
    });
  });

  describe('DataLoader batches', () => {
    it('batches in order without shuffle; len and drop_last follow BatchSampler', async () => {
      const out = await py<unknown>(session, `
import json, torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.arange(20.).reshape(10, 2), torch.arange(10))
dl = DataLoader(ds, batch_size=4)
dd = DataLoader(ds, batch_size=4, drop_last=True, num_workers=2)
batches = [[type(b).__name__, b[0].shape[0], b[1].tolist(), b[0].dtype == torch.float32] for b in dl]
print(json.dumps([len(dl), len(dd), batches, [yb.tolist() for _, yb in dd], len(DataLoader(ds)), next(iter(DataLoader(ds)))[1].tolist()]))`);
      assert.deepEqual(out, [
        3,
        2,
        [['list', 4, [0, 1, 2, 3], true], ['list', 4, [4, 5, 6, 7], true], ['list', 2, [8, 9], true]],
        [[0, 1, 2, 3], [4, 5, 6, 7]],
        10,
        [0],
      ]);
    });

    it('default_collate stacks tensors, makes numbers tensors and recurses into dicts, tuples, lists and namedtuples', async () => {
      const out = await py<Record<string, unknown>>(session, `
import collections, json, torch
from torch.utils.data import DataLoader, Dataset
from torch.utils.data import default_collate
P = collections.namedtuple("P", "x y")
class D(Dataset):
    def __len__(self): return 3
    def __getitem__(self, i):
        return {"x": torch.tensor([i, 2.0 * i]), "n": i, "f": i / 2, "s": "s%d" % i, "t": (i, [i, i + 1]), "p": P(i, 1.5)}
b = next(iter(DataLoader(D(), batch_size=3)))
desc = lambda v: [str(v.dtype), list(v.shape), v.tolist()] if isinstance(v, torch.Tensor) else v
try:
    default_collate([object()])
    err = None
except TypeError as e:
    err = str(e)
try:
    default_collate([[1, 2], [3]])
    err2 = None
except RuntimeError as e:
    err2 = str(e)
print(json.dumps({
    "keys": list(b.keys()), "x": desc(b["x"]), "n": desc(b["n"]), "f": desc(b["f"]), "s": b["s"],
    "t": [type(b["t"]).__name__, desc(b["t"][0]), type(b["t"][1]).__name__, [desc(v) for v in b["t"][1]]],
    "p": [type(b["p"]).__name__, desc(b["p"].x), desc(b["p"].y)],
    "bool": desc(default_collate([True, False])), "err": err, "err2": err2,
    "none": [desc(v) for v in DataLoader([1.5, 2.5], batch_size=None)],
}))`);
      assert.deepEqual(out.keys, ['x', 'n', 'f', 's', 't', 'p']);
      assert.deepEqual(out.x, ['torch.float32', [3, 2], [[0, 0], [1, 2], [2, 4]]]);
      assert.deepEqual(out.n, ['torch.int64', [3], [0, 1, 2]]);
      assert.deepEqual(out.f, ['torch.float64', [3], [0, 0.5, 1]]);
      assert.deepEqual(out.s, ['s0', 's1', 's2']);
      assert.deepEqual(out.t, ['list', ['torch.int64', [3], [0, 1, 2]], 'list', [['torch.int64', [3], [0, 1, 2]], ['torch.int64', [3], [1, 2, 3]]]]);
      assert.deepEqual(out.p, ['P', ['torch.int64', [3], [0, 1, 2]], ['torch.float64', [3], [1.5, 1.5, 1.5]]]);
      assert.deepEqual(out.bool, ['torch.bool', [2], [true, false]]);
      assert.equal(out.err, "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found <class 'object'>");
      assert.equal(out.err2, 'each element in list of batch should be of equal size');
      assert.deepEqual(out.none, [1.5, 2.5]); // batch_size=None: default_convert leaves Python numbers alone
    });

    it('a TensorDataset batch equals stacking its samples, and keeps autograd history when a tensor requires grad', async () => {
      const out = await py<[boolean, boolean, string | null, string | null]>(session, `
import json, torch
from torch.utils.data import DataLoader, TensorDataset, Subset, default_collate
torch.manual_seed(3)
X = torch.randn(9, 2, 3); y = torch.randint(0, 5, (9,))
idx = [4, 0, 7, 7, -1]
fast = next(iter(DataLoader(Subset(TensorDataset(X, y), idx), batch_size=5)))
slow = default_collate([(X[i], y[i]) for i in idx])
w = torch.randn(9, 2, requires_grad=True)
g = next(iter(DataLoader(TensorDataset(w), batch_size=3)))[0]
print(json.dumps([torch.equal(fast[0], slow[0]), torch.equal(fast[1], slow[1]) and fast[1].dtype == torch.int64,
                  g.grad_fn.name() if g.grad_fn else None, fast[0].grad_fn]))`);
      assert.deepEqual(out, [true, true, 'StackBackward0', null]);
    });

    it('iterates an IterableDataset in batches, honouring drop_last', async () => {
      const out = await py<unknown>(session, `
import json, torch
from torch.utils.data import DataLoader, IterableDataset
class Count(IterableDataset):
    def __init__(self, n): self.n = n
    def __iter__(self): return iter(range(self.n))
    def __len__(self): return self.n
print(json.dumps([[b.tolist() for b in DataLoader(Count(7), batch_size=3)], [b.tolist() for b in DataLoader(Count(7), batch_size=3, drop_last=True)], len(DataLoader(Count(7), batch_size=3))]))`);
      assert.deepEqual(out, [[[0, 1, 2], [3, 4, 5], [6]], [[0, 1, 2], [3, 4, 5]], 3]);
    });

    it('rejects PyTorch\'s invalid option combinations with its messages', async () => {
      const codes = [
        'DataLoader(ds, shuffle=True, sampler=SequentialSampler(ds))',
        'DataLoader(ds, batch_sampler=BatchSampler(SequentialSampler(ds), 2, False), batch_size=2)',
        'DataLoader(ds, batch_size=None, drop_last=True)',
        'DataLoader(ds, num_workers=-1)',
        'DataLoader(ds, batch_size=0)',
        'DataLoader(ds, prefetch_factor=2)',
        'DataLoader(ds, shuffle=True).batch_size = 3',
        'DataLoader([], shuffle=True)',
        'RandomSampler(ds, replacement=1)',
      ];
      const out = await py<string[]>(session, `
import json, torch
from torch.utils.data import DataLoader, SequentialSampler, BatchSampler, RandomSampler
ds = list(range(5))
out = []
for code in json.loads(${JSON.stringify(JSON.stringify(codes))}):
    try:
        exec(code, dict(globals()))
        out.append(None)
    except Exception as e:
        out.append("%s: %s" % (type(e).__name__, e))
print(json.dumps(out))`);
      assert.deepEqual(out, [
        'ValueError: sampler option is mutually exclusive with shuffle',
        'ValueError: batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last',
        'ValueError: batch_size=None option disables auto-batching and is mutually exclusive with drop_last',
        'ValueError: num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.',
        'ValueError: batch_size should be a positive integer value, but got batch_size=0',
        'ValueError: prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to enable multiprocessing, otherwise set prefetch_factor to None.',
        'ValueError: batch_size attribute should not be set after DataLoader is initialized',
        'ValueError: num_samples should be a positive integer value, but got num_samples=0',
        'TypeError: replacement should be a boolean value, but got replacement=1',
      ]);
    });
  });

  describe('DataLoader shuffling, pinned from first principles', () => {
    it('after torch.manual_seed(s), epoch k is randperm(n) under the seed of the (2k)-th 63-bit draw', async () => {
      const out = await py<{ seeds: number[]; rows: Array<{ got: number[][]; want: number[][] }> }>(session, `${MT}
import json, torch
from torch.utils.data import DataLoader
rows = []
for seed, n, bs in [(0, 10, 4), (42, 37, 8), (2024, 5, 5)]:
    torch.manual_seed(seed)
    dl = DataLoader(list(range(n)), batch_size=bs, shuffle=True)
    got = [[i for b in dl for i in b.tolist()] for _ in range(3)]
    r = mt19937(seed)
    want = []
    for _ in range(3):
        seed63(r)                        # the iterator's _base_seed
        s = seed63(r)                    # RandomSampler's seed for its private generator
        want.append(torch.randperm(n, generator=torch.Generator().manual_seed(s)).tolist())
    rows.append({"got": got, "want": want})
torch.manual_seed(0)
r = mt19937(0)
print(json.dumps({"rows": rows, "seeds": [seed63(r), seed63(r)]}))`);
      for (const row of out.rows) assert.deepEqual(row.got, row.want);
      // torch.manual_seed(0): the 63-bit draws are 900450186894289455 and 3969543146641149120 (as exact integers;
      // JSON numbers round them), so the first epoch over 10 items is randperm(10) under 3969543146641149120:
      assert.deepEqual(out.rows[0].got[0], [6, 7, 1, 4, 2, 0, 9, 8, 3, 5]);
    });

    it('with persistent_workers the iterator (and its _base_seed draw) is reused across epochs', async () => {
      const out = await py<{ got: number[][]; want: number[][]; same: boolean }>(session, `${MT}
import json, torch
from torch.utils.data import DataLoader
torch.manual_seed(11)
dl = DataLoader(list(range(9)), batch_size=4, shuffle=True, num_workers=2, persistent_workers=True)
its = []
got = []
for _ in range(3):
    it = iter(dl)
    its.append(it)
    got.append([i for b in it for i in b.tolist()])
r = mt19937(11)
seed63(r)  # one _base_seed for the persistent iterator
want = [torch.randperm(9, generator=torch.Generator().manual_seed(seed63(r))).tolist() for _ in range(3)]
print(json.dumps({"got": got, "want": want, "same": its[0] is its[1] is its[2]}))`);
      assert.deepEqual(out.got, out.want);
      assert.ok(out.same);
    });

    it('draws all 63 bits of the sampler seed exactly', async () => {
      const out = await py<[string, string, boolean]>(session, `${MT}
import json, torch
from torch.utils.data import RandomSampler
torch.manual_seed(0)
r = mt19937(0)
expected = seed63(r)
order = list(RandomSampler(range(50)))
want = torch.randperm(50, generator=torch.Generator().manual_seed(expected)).tolist()
off_by_one = torch.randperm(50, generator=torch.Generator().manual_seed(expected + 1)).tolist()
print(json.dumps([str(expected), str(torch.Generator().manual_seed(expected).initial_seed()), order == want and order != off_by_one]))`);
      assert.equal(out[0], '900450186894289455');
      assert.equal(out[1], out[0]);
      assert.ok(out[2]);
    });

    it('leaves the default generator 4 draws on per shuffled epoch and 2 per unshuffled one', async () => {
      const out = await py<Array<[number, number]>>(session, `${MT}
import json, torch
from torch.utils.data import DataLoader
res = []
for shuffle, skip in [(True, 4), (False, 2)]:
    torch.manual_seed(5)
    for _ in DataLoader(list(range(6)), batch_size=4, shuffle=shuffle):
        pass
    r = mt19937(5)
    for _ in range(skip):
        r.getrandbits(32)
    res.append([torch.rand(1).item(), (r.getrandbits(32) & 0xFFFFFF) / 2**24])
print(json.dumps(res))`);
      for (const [got, want] of out) assert.equal(got, want);
    });

    it('with generator=g: one 63-bit draw from g per epoch, then randperm(n, g), plus the trailing randperm', async () => {
      const out = await py<{ got: number[][]; want: number[][]; defaultUntouched: boolean }>(session, `
import json, torch
from torch.utils.data import DataLoader
n = 13
torch.manual_seed(1)
before = torch.rand(3)
torch.manual_seed(1)
g = torch.Generator().manual_seed(123)
dl = DataLoader(list(range(n)), batch_size=5, shuffle=True, generator=g)
got = [[i for b in dl for i in b.tolist()] for _ in range(2)]
after = torch.rand(3)
h = torch.Generator().manual_seed(123)
want = []
for _ in range(2):
    torch.empty((), dtype=torch.int64).random_(generator=h)   # _BaseDataLoaderIter._base_seed
    want.append(torch.randperm(n, generator=h).tolist())
    torch.randperm(n, generator=h)                             # RandomSampler's trailing randperm(n)[:0]
print(json.dumps({"got": got, "want": want, "defaultUntouched": torch.equal(before, after)}))`);
      assert.deepEqual(out.got, out.want);
      assert.ok(out.defaultUntouched);
    });

    it('SubsetRandomSampler and RandomSampler(replacement=True) draw like PyTorch', async () => {
      const out = await py<[boolean, boolean]>(session, `${MT}
import json, torch
from torch.utils.data import SubsetRandomSampler, RandomSampler
torch.manual_seed(9)
sub = list(SubsetRandomSampler([10, 20, 30, 40, 50]))
torch.manual_seed(9)
want_sub = [[10, 20, 30, 40, 50][i] for i in torch.randperm(5).tolist()]
torch.manual_seed(9)
rep = list(RandomSampler(range(7), replacement=True, num_samples=40))
r = mt19937(9)
g = torch.Generator().manual_seed(seed63(r))
want_rep = torch.randint(0, 7, (32,), generator=g).tolist() + torch.randint(0, 7, (8,), generator=g).tolist()
print(json.dumps([sub == want_sub, rep == want_rep]))`);
      assert.deepEqual(out, [true, true]);
    });
  });
});
