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
_NO_KWARGS = {}


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
    before = reporter.before
    after = reporter.after
    user_frame = frames.user_frame
    # File -> whether it is internal (frames.is_internal): the script's own frame is found at once.
    known_files = frames._internal
    has_torch_function_unary = torch._C._has_torch_function_unary

    def begin(root, frame):
        if not device.known:
            device.seen(root)
        return before(root, frame)

    def own_work(call, *args):
        # (Only with a line mode: see the docstring.)
        tracking.own += 1
        if tracking.on and tracking.switchable:
            tracking.turn(False)
        try:
            return call(*args)
        finally:
            tracking.own -= 1
            if tracking.wanted and tracking.switchable:
                tracking.turn(True)

    def report(run, first, args, kwargs, root, frame):
        # Called at depth 0 only, with nothing failed yet: a training loop's every step, so kept lean.
        try:
            token = begin(root, frame) if tracking is None else own_work(begin, root, frame)
        except Exception as failure:
            _fail(failed, failure)
            token = None
        state.depth = 1
        try:
            result = run(first, *args, **kwargs)
        finally:
            state.depth = 0
        if token is not None and not failed:
            try:
                if tracking is None:
                    after(token)
                else:
                    own_work(after, token)
            except Exception as failure:
                _fail(failed, failure)
        return result

    @functools.wraps(real_tensor_backward)
    def tensor_backward(self, *args, **kwargs):
        if failed or getattr(state, "depth", 0):
            return real_tensor_backward(self, *args, **kwargs)
        frame = _getframe(1)
        if known_files.get(frame.f_code.co_filename) is not False:
            frame = user_frame(frame)
        if args or kwargs or has_torch_function_unary(self):
            return report(real_tensor_backward, self, args, kwargs, self, frame)
        # `loss.backward()`: what Tensor.backward itself does then, without its frame (a training loop's every step).
        return report(real_backward, self, (), _NO_KWARGS, self, frame)

    @functools.wraps(real_backward)
    def autograd_backward(tensors, *args, **kwargs):
        if failed or getattr(state, "depth", 0):
            return real_backward(tensors, *args, **kwargs)
        root = tensors if isinstance(tensors, torch.Tensor) else None
        if root is None and isinstance(tensors, (list, tuple)) and len(tensors) == 1 and isinstance(tensors[0], torch.Tensor):
            root = tensors[0]
        if root is None:
            # Several roots at once: run, unreported (a backward event has one root, as the playground's).
            return real_backward(tensors, *args, **kwargs)
        return report(real_backward, tensors, args, kwargs, root, user_frame(_getframe(1)))

    @functools.wraps(real_grad)
    def grad(*args, **kwargs):
        state.depth = getattr(state, "depth", 0) + 1
        try:
            return real_grad(*args, **kwargs)
        finally:
            state.depth -= 1

    torch.Tensor.backward = tensor_backward
    torch.autograd.backward = autograd_backward
    torch.autograd.grad = grad


def _fail(failed, failure):
    # A bug of ours must not cost the user their run: say so once and stop reporting.
    failed.append(failure)
    sys.stderr.write("autograd-playground: backward() reports stop here: %r\n" % (failure,))
