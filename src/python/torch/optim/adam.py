"""torch.optim.adam: Adam (and, with decoupled_weight_decay=True, AdamW), PyTorch 2.11's single-tensor path."""
import struct as _struct

from .. import float32 as _float32, float64 as _float64, tensor as _tensor_fn, zeros_like as _zeros_like
from .._C import E as _E, call as _call
from .._tensor import Tensor
from ._functional import addcdiv_, addcmul_, get_value, lerp_, maximum_, to_scalar
from .optimizer import _closure_loss, Optimizer, _get_scalar_dtype, _use_grad_for_differentiable

__all__ = ["Adam", "adam"]


class Adam(Optimizer):
    def __init__(
        self,
        params,
        lr=1e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0,
        amsgrad=False,
        *,
        foreach=None,
        maximize=False,
        capturable=False,
        differentiable=False,
        fused=None,
        decoupled_weight_decay=False,
    ):
        if isinstance(lr, Tensor):
            if foreach and not capturable:
                raise ValueError("lr as a Tensor is not supported for capturable=False and foreach=True")
            if lr.numel() != 1:
                raise ValueError("Tensor lr must be 1-element")
        if not 0.0 <= lr:
            raise ValueError("Invalid learning rate: {}".format(lr))
        if not 0.0 <= eps:
            raise ValueError("Invalid epsilon value: {}".format(eps))
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError("Invalid beta parameter at index 0: {}".format(betas[0]))
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError("Invalid beta parameter at index 1: {}".format(betas[1]))
        if not 0.0 <= weight_decay:
            raise ValueError("Invalid weight_decay value: {}".format(weight_decay))
        if not (
            (isinstance(betas[0], float) and isinstance(betas[1], float))
            or (isinstance(betas[0], Tensor) and isinstance(betas[1], Tensor))
        ):
            raise ValueError("betas must be either both floats or both Tensors")
        if isinstance(betas[0], Tensor):
            if not capturable and foreach:
                raise ValueError("betas[0] as a Tensor is not supported for capturable=False and foreach=True")
            if betas[0].numel() != 1:
                raise ValueError("Tensor betas[0] must be 1-element")
        if isinstance(betas[1], Tensor):
            if not capturable and foreach:
                raise ValueError("betas[1] as a Tensor is not supported for capturable=False and foreach=True")
            if betas[1].numel() != 1:
                raise ValueError("Tensor betas[1] must be 1-element")
        betas = tuple(map(to_scalar, betas))

        defaults = dict(
            lr=lr,
            betas=betas,
            eps=eps,
            weight_decay=weight_decay,
            amsgrad=amsgrad,
            maximize=maximize,
            foreach=foreach,
            capturable=capturable,
            differentiable=differentiable,
            fused=fused,
            decoupled_weight_decay=decoupled_weight_decay,
        )
        super().__init__(params, defaults)

        if fused:
            if differentiable:
                raise RuntimeError("`fused` does not support `differentiable`")
            if foreach:
                raise RuntimeError("`fused` and `foreach` cannot be `True` together.")

    def __setstate__(self, state):
        super().__setstate__(state)
        for group in self.param_groups:
            group.setdefault("amsgrad", False)
            group.setdefault("maximize", False)
            group.setdefault("foreach", None)
            group.setdefault("capturable", False)
            group.setdefault("differentiable", False)
            group.setdefault("decoupled_weight_decay", False)
            group.setdefault("fused", None)
            for p in group["params"]:
                p_state = self.state.get(p, [])
                if len(p_state) != 0 and not isinstance(p_state["step"], Tensor):
                    p_state["step"] = _tensor_fn(float(p_state["step"]), dtype=_get_scalar_dtype())

    def _init_group(self, group, params_with_grad, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, state_steps):
        for p in group["params"]:
            if p.grad is not None:
                params_with_grad.append(p)
                grads.append(p.grad)

                state = self.state[p]
                if len(state) == 0:
                    state["step"] = _tensor_fn(0.0, dtype=_get_scalar_dtype(is_fused=group["fused"]))
                    state["exp_avg"] = _zeros_like(p)
                    state["exp_avg_sq"] = _zeros_like(p)
                    if group["amsgrad"]:
                        state["max_exp_avg_sq"] = _zeros_like(p)

                exp_avgs.append(state["exp_avg"])
                exp_avg_sqs.append(state["exp_avg_sq"])
                if group["amsgrad"]:
                    max_exp_avg_sqs.append(state["max_exp_avg_sq"])
                if group["differentiable"] and state["step"].requires_grad:
                    raise RuntimeError("`requires_grad` is not supported for `step` in differentiable mode")
                if group["foreach"] and isinstance(group["lr"], Tensor) and not group["capturable"]:
                    raise RuntimeError("lr as a Tensor is not supported for capturable=False and foreach=True")
                state_steps.append(state["step"])
        return False

    @_use_grad_for_differentiable
    def step(self, closure=None):
        self._cuda_graph_capture_health_check()

        loss = _closure_loss(closure)

        for group in self.param_groups:
            params_with_grad = []
            grads = []
            exp_avgs = []
            exp_avg_sqs = []
            max_exp_avg_sqs = []
            state_steps = []
            beta1, beta2 = group["betas"]

            self._init_group(group, params_with_grad, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, state_steps)

            adam(
                params_with_grad,
                grads,
                exp_avgs,
                exp_avg_sqs,
                max_exp_avg_sqs,
                state_steps,
                amsgrad=group["amsgrad"],
                beta1=beta1,
                beta2=beta2,
                lr=group["lr"],
                weight_decay=group["weight_decay"],
                eps=group["eps"],
                maximize=group["maximize"],
                decoupled_weight_decay=group["decoupled_weight_decay"],
            )

        return loss


def adam(
    params,
    grads,
    exp_avgs,
    exp_avg_sqs,
    max_exp_avg_sqs,
    state_steps,
    *,
    amsgrad,
    beta1,
    beta2,
    lr,
    weight_decay,
    eps,
    maximize,
    decoupled_weight_decay=False,
    **_,
):
    """Functional Adam, `_single_tensor_adam`: one engine call per parameter where it can (bit-identical to the
    operation-by-operation update below, which a differentiable step or unusual tensors take)."""
    lr = get_value(lr)
    beta1 = get_value(beta1)
    beta2 = get_value(beta2)
    for i, param in enumerate(params):
        if _fused_step(
            param, grads[i], exp_avgs[i], exp_avg_sqs[i], max_exp_avg_sqs[i] if amsgrad else None, state_steps[i],
            lr, beta1, beta2, weight_decay, eps, maximize, decoupled_weight_decay,
        ):
            continue
        grad = grads[i] if not maximize else -grads[i]
        exp_avg = exp_avgs[i]
        exp_avg_sq = exp_avg_sqs[i]
        step_t = state_steps[i]

        step_t += 1

        if weight_decay != 0:
            if decoupled_weight_decay:
                param.mul_(1 - lr * weight_decay)
            else:
                grad = grad.add(param, alpha=weight_decay)

        # Decay the first and second moment running average coefficient
        lerp_(exp_avg, grad, 1 - beta1)
        addcmul_(exp_avg_sq.mul_(beta2), grad, grad, value=1 - beta2)

        step = get_value(step_t)
        bias_correction1 = 1 - beta1**step
        bias_correction2 = 1 - beta2**step
        step_size = lr / bias_correction1
        bias_correction2_sqrt = bias_correction2**0.5

        if amsgrad:
            maximum_(max_exp_avg_sqs[i], exp_avg_sq)
            denom = (max_exp_avg_sqs[i].sqrt() / bias_correction2_sqrt).add_(eps)
        else:
            denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)

        addcdiv_(param, exp_avg, denom, value=-step_size)


def _next_step(step_t, value):
    """`step_t += 1` as the counter's dtype computes it (a float32 counter stops growing at 2**24)."""
    if step_t.dtype is _float32:
        return _struct.unpack("f", _struct.pack("f", value + 1))[0]
    return value + 1.0


def _fused_step(param, grad, exp_avg, exp_avg_sq, max_exp_avg_sq, step_t, lr, beta1, beta2, weight_decay, eps, maximize, decoupled):
    if not isinstance(step_t, Tensor) or step_t.dtype not in (_float32, _float64) or not isinstance(grad, Tensor):
        return False
    step = _next_step(step_t, step_t.item())
    bias_correction1 = 1 - beta1**step
    bias_correction2 = 1 - beta2**step
    return bool(
        _call(
            _E.adam_step, param._t, grad._t, exp_avg._t, exp_avg_sq._t,
            None if max_exp_avg_sq is None else max_exp_avg_sq._t, step_t._t, step, float(lr), float(beta1),
            float(beta2), float(weight_decay), float(eps), bool(maximize), bool(decoupled),
            -(lr / bias_correction1), bias_correction2**0.5,
        )
    )
