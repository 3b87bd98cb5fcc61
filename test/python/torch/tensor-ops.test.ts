/**
 * Sorting and selection ops (sort, argsort, msort, topk, cumprod, nonzero, masked_select, unique), clamp_min and
 * clamp_max, isclose/allclose/equal (test/fixtures/tensor_ops.json), and the blends, NaN-skipping reductions,
 * diag/trace and rearrangements (lerp, addcmul/addcdiv, addmm, nansum/nanmean, count_nonzero, roll,
 * repeat_interleave, broadcast_to, movedim; test/fixtures/tensor_blend.json): values, ties in PyTorch's CPU order,
 * NaN, grad_fn names, gradients (float.hex) and error texts, compared with what real PyTorch printed (each
 * fixture made by the .py file of its name).
 */
import { snippetFixtureSuite } from '../snippetFixture';

snippetFixtureSuite('sorting, selection and closeness ops (real PyTorch output)', 'tensor_ops.json');
snippetFixtureSuite('blends, nan reductions, diag/trace and rearrangements (real PyTorch output)', 'tensor_blend.json');
snippetFixtureSuite('einsum, atan2/hypot/logaddexp/logit/erfinv, diff, tensor_split, flips and tri indices (real PyTorch output)', 'tensor_ops2.json', {
  'einsum forms': "einsum's contractions go through our bmm, whose float32 sum order is not MKL's: a last bit on a few sums",
  'einsum gradients': "the gradients are bmm products too (a last bit on one of six)",
  'atan2 hypot logaddexp': "PyTorch's vectorised (Sleef) atan2 and exp/log1p round a few float32 values differently from double-then-round",
  'logit erfinv': "erfinv follows ATen's calc_erfinv, but erff and the double Newton steps still differ in the last bit on a few inputs",
  'logit erfinv gradients': "erfinv's gradient is built on erfinv's value (one last bit)",
});
snippetFixtureSuite('cummax/cummin, kthvalue, median, var_mean/std_mean, aminmax, logcumsumexp, kron, cross, cdist, rot90 and diag_embed (real PyTorch output)', 'tensor_ops3.json', {
});
