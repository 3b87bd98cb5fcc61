"""Wraps torch.Tensor.backward and torch.autograd.backward so that each backward() the script calls is
reported (graph.py), and torch.autograd.grad so that backward() calls made inside it (a custom Function's
backward, double backward) are not reported twice. grad() itself is not a step: it leaves every .grad as it
was, as the playground's runtime counts it."""

import functools
import sys
import threading

import torch

from . import device, frames

_state = threading.local()
_getframe = sys._getframe


def install(reporter, tracking=None):
    """`tracking`: lines.Tracking, when it has a mode. A report is the probe's own work (Tracking.own: the NaN
    finder checks none of its torch calls); a switchable line mode is off while it runs (its torch calls are
    not the script's, and each would pay the mode's dispatch) and as the reporter wants it (Tracking.wanted)
    otherwise. A light step, the mode off throughout, pays for little of it."""
    real_tensor_backward = torch.Tensor.backward
    real_backward = torch.autograd.backward
    real_grad = torch.autograd.grad
    failed = []
    state = _state

    def report(call, root, frame):
        depth = getattr(state, "depth", 0)
        token = None
        if not failed and depth == 0:
            try:
                if tracking is not None:
                    tracking.own += 1
                    if tracking.on and tracking.switchable:
                        tracking.turn(False)
                try:
                    if not device.known:
                        device.seen(root)
                    token = reporter.before(root, frame)
                finally:
                    if tracking is not None:
                        tracking.own -= 1
                        if tracking.wanted and tracking.switchable:
                            tracking.turn(True)
            except Exception as failure:
                _fail(failed, failure)
        state.depth = depth + 1
        try:
            result = call()
        finally:
            state.depth = depth
        if token is not None and not failed:
            try:
                if tracking is not None:
                    tracking.own += 1
                    if tracking.on and tracking.switchable:
                        tracking.turn(False)
                try:
                    reporter.after(token)
                finally:
                    if tracking is not None:
                        tracking.own -= 1
                        if tracking.wanted and tracking.switchable:
                            tracking.turn(True)
            except Exception as failure:
                _fail(failed, failure)
        return result

    @functools.wraps(real_tensor_backward)
    def tensor_backward(self, *args, **kwargs):
        if getattr(_state, "depth", 0):
            return real_tensor_backward(self, *args, **kwargs)
        return report(lambda: real_tensor_backward(self, *args, **kwargs), self, frames.user_frame(_getframe(1)))

    @functools.wraps(real_backward)
    def autograd_backward(tensors, *args, **kwargs):
        root = tensors if isinstance(tensors, torch.Tensor) else None
        if root is None and isinstance(tensors, (list, tuple)) and len(tensors) == 1 and isinstance(tensors[0], torch.Tensor):
            root = tensors[0]
        if getattr(_state, "depth", 0) or root is None:
            # Several roots at once: run, unreported (a backward event has one root, as the playground's).
            return real_backward(tensors, *args, **kwargs)
        return report(lambda: real_backward(tensors, *args, **kwargs), root, frames.user_frame(_getframe(1)))

    @functools.wraps(real_grad)
    def grad(*args, **kwargs):
        _state.depth = getattr(_state, "depth", 0) + 1
        try:
            return real_grad(*args, **kwargs)
        finally:
            _state.depth -= 1

    torch.Tensor.backward = tensor_backward
    torch.autograd.backward = autograd_backward
    torch.autograd.grad = grad


def _fail(failed, failure):
    # A bug of ours must not cost the user their run: say so once and stop reporting.
    failed.append(failure)
    sys.stderr.write("autograd-playground: backward() reports stop here: %r\n" % (failure,))
