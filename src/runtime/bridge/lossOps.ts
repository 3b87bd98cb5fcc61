/**
 * The losses of engine/ops/marginLoss.ts as `binding.call` dispatches them (merged into ops.ts's table): the
 * ATen composites (kl_div, cosine embedding, margin ranking, hinge embedding, Poisson NLL, triplet margin) and the
 * fused soft-margin and multi-margin losses.
 */
import * as ML from '../../engine/ops/marginLoss';

export const lossOps = {
  kl_div: ML.klDiv,
  cosine_embedding_loss: ML.cosineEmbeddingLoss,
  margin_ranking_loss: ML.marginRankingLoss,
  hinge_embedding_loss: ML.hingeEmbeddingLoss,
  poisson_nll_loss: ML.poissonNllLoss,
  triplet_margin_loss: ML.tripletMarginLoss,
  soft_margin_loss: ML.softMarginLoss,
  multi_margin_loss: ML.multiMarginLoss,
};
