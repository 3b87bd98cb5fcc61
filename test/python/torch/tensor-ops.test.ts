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
