"""`from d2l import torch as d2l`: the PyTorch helpers of "Dive into Deep Learning" (《动手学深度学习》, d2l 2.0.0).

Written for the playground from what the book documents each helper to do, not from its source. Each helper
makes the same calls in the same order as the book's, so random draws, printed lines and figures come out as
they do under real PyTorch, in a plain `python script.py` run:

- Importing moves Python's `random` stream by 10,000 `random.random()` draws: the real module builds the
  word2vec chapter's negative sampler at import and samples from it once (one `random.choices(..., k=10000)`).
  A chapter that seeds `random` before the import, or shuffles without seeding, depends on it.
- `Animator.add` prints the figure's repr (what IPython's `display()` prints outside a notebook once
  `use_svg_display()` has started its shell) and then `clear_output(wait=True)`'s two `ESC[2K CR` pairs; and it
  sends the figure to the panel as a `display` figure event whose `displayId` marks the frames of one animation,
  which the panel redraws in place, as Jupyter does under the book.
- `use_svg_display()` asks matplotlib_inline for SVG, which changes nothing here (the panel draws vectors);
  `d2l.plot`'s figure reaches the panel at `d2l.plt.show()`, as in any script.

Loaders that download their data raise ConnectionError saying which chapters need them; helpers of chapters the
playground cannot run (convolutions, RNNs, attention, vision, NLP) raise AttributeError naming themselves.
"""

# Some of these only stand here as attributes: scripts reach them as d2l.np, d2l.F, d2l.math, as the book does.
import collections
import hashlib
import math
import os
import random
import re
import sys
import time
from collections import defaultdict

import numpy as np
import pandas as pd
import torch
from matplotlib import pyplot as plt
from matplotlib_inline import backend_inline
from torch import nn
from torch.nn import functional as F
from torch.utils import data

from _playground import hooks as _hooks

d2l = sys.modules[__name__]
nn_Module = nn.Module

DATA_HUB = dict()
DATA_URL = "http://d2l-data.s3-accelerate.amazonaws.com/"


def _advance_python_random(draws=10000):
    # What the real import's sampler costs Python's global stream; `choices` with weights takes one
    # random.random() per item, so plain draws leave the generator in the same state.
    draw = random.random
    for _ in range(draws):
        draw()


_advance_python_random()


# ---- figures -------------------------------------------------------------------------------------------


def use_svg_display():
    """The book's switch to SVG output in Jupyter; the panel draws vectors anyway (see matplotlib_inline)."""
    backend_inline.set_matplotlib_formats("svg")


def set_figsize(figsize=(3.5, 2.5)):
    use_svg_display()
    plt.rcParams["figure.figsize"] = figsize


def set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend):
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_xscale(xscale)
    axes.set_yscale(yscale)
    axes.set_xlim(xlim)
    axes.set_ylim(ylim)
    if legend:
        axes.legend(legend)
    # Without arguments grid() toggles; the axes were just cleared, so this turns it on.
    axes.grid()


def _is_one_series(values):
    # One series: a 1-D array or tensor, or a list of numbers (a list of lists is several).
    if hasattr(values, "ndim") and values.ndim == 1:
        return True
    return isinstance(values, list) and not hasattr(values[0], "__len__")


def plot(X, Y=None, xlabel=None, ylabel=None, legend=None, xlim=None, ylim=None, xscale="linear", yscale="linear", fmts=("-", "m--", "g-.", "r:"), figsize=(3.5, 2.5), axes=None):
    if legend is None:
        legend = []
    set_figsize(figsize)
    if not axes:
        axes = plt.gca()
    if _is_one_series(X):
        X = [X]
    if Y is None:
        # Only y values given: each series is drawn against its indices.
        Y = X
        X = [[]] * len(Y)
    elif _is_one_series(Y):
        Y = [Y]
    if len(X) != len(Y):
        X = X * len(Y)
    axes.cla()
    for xs, ys, fmt in zip(X, Y, fmts):
        if len(xs):
            axes.plot(xs, ys, fmt)
        else:
            axes.plot(ys, fmt)
    set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend)


# IPython's output area as a plain script sees it: which figure was displayed last, under which display id,
# and whether clear_output() has run since (then the next display of that figure redraws it in place).
_shown = {"figure": None, "id": 0, "cleared": False}


def _display_figure(fig):
    print(repr(fig))
    same = _shown["cleared"] and _shown["figure"] is fig
    if not same:
        _shown["id"] += 1
    _shown["figure"] = fig
    _shown["cleared"] = False
    event = fig._event("display", None)
    event["displayId"] = _shown["id"]
    _hooks.emit_event(event)


def _clear_output():
    # IPython's clear_output() outside a notebook: an erase-line and carriage return, written twice.
    print("\x1b[2K\r", end="")
    sys.stdout.flush()
    print("\x1b[2K\r", end="")
    sys.stderr.flush()
    _shown["cleared"] = True


class Animator:
    """Draws curves that grow point by point during training; each add() redraws the figure."""

    def __init__(self, xlabel=None, ylabel=None, legend=None, xlim=None, ylim=None, xscale="linear", yscale="linear", fmts=("-", "m--", "g-.", "r:"), nrows=1, ncols=1, figsize=(3.5, 2.5)):
        if legend is None:
            legend = []
        use_svg_display()
        self.fig, self.axes = plt.subplots(nrows, ncols, figsize=figsize)
        if nrows * ncols == 1:
            self.axes = [self.axes]
        settings = (xlabel, ylabel, xlim, ylim, xscale, yscale, legend)
        self.config_axes = lambda: set_axes(self.axes[0], *settings)
        self.X, self.Y, self.fmts = None, None, fmts

    def add(self, x, y):
        if not hasattr(y, "__len__"):
            y = [y]
        n = len(y)
        if not hasattr(x, "__len__"):
            x = [x] * n
        if not self.X:
            self.X = [[] for _ in range(n)]
        if not self.Y:
            self.Y = [[] for _ in range(n)]
        for i, (a, b) in enumerate(zip(x, y)):
            # None leaves a gap in that curve at this x (train_ch6 adds test accuracy once an epoch).
            if a is not None and b is not None:
                self.X[i].append(a)
                self.Y[i].append(b)
        ax = self.axes[0]
        ax.cla()
        for xs, ys, fmt in zip(self.X, self.Y, self.fmts):
            ax.plot(xs, ys, fmt)
        self.config_axes()
        _display_figure(self.fig)
        _clear_output()


def show_images(imgs, num_rows, num_cols, titles=None, scale=1.5):
    _, axes = plt.subplots(num_rows, num_cols, figsize=(num_cols * scale, num_rows * scale))
    axes = axes.flatten()
    for i, (ax, img) in enumerate(zip(axes, imgs)):
        ax.imshow(img.numpy() if torch.is_tensor(img) else img)
        ax.axes.get_xaxis().set_visible(False)
        ax.axes.get_yaxis().set_visible(False)
        if titles:
            ax.set_title(titles[i])
    return axes


# ---- timing and counting -------------------------------------------------------------------------------


class Timer:
    """Wall-clock times of repeated runs."""

    def __init__(self):
        self.times = []
        self.start()

    def start(self):
        self.tik = time.time()

    def stop(self):
        self.times.append(time.time() - self.tik)
        return self.times[-1]

    def avg(self):
        return sum(self.times) / len(self.times)

    def sum(self):
        return sum(self.times)

    def cumsum(self):
        return np.array(self.times).cumsum().tolist()


class Accumulator:
    """Running sums of n quantities (each added as a float)."""

    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [total + float(value) for total, value in zip(self.data, args)]

    def reset(self):
        self.data = [0.0] * len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]


# ---- linear regression (3.2, 3.3) ----------------------------------------------------------------------


def synthetic_data(w, b, num_examples):
    """Features from N(0, 1) and labels y = Xw + b plus N(0, 0.01) noise, as a column."""
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    """One minibatch SGD step on each parameter, then its gradient zeroed."""
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


def load_array(data_arrays, batch_size, is_train=True):
    return data.DataLoader(data.TensorDataset(*data_arrays), batch_size, shuffle=is_train)


# ---- classification (3.6) and model selection (4.4, 4.5) ----------------------------------------------


def get_fashion_mnist_labels(labels):
    names = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"]
    return [names[int(i)] for i in labels]


def get_dataloader_workers():
    return 4


def accuracy(y_hat, y):
    """How many predictions are right (a float): the arg-max class when y_hat holds one score per class."""
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(dim=1)
    right = y_hat.type(y.dtype) == y
    return float(right.type(y.dtype).sum())


def evaluate_accuracy(net, data_iter):
    if isinstance(net, torch.nn.Module):
        net.eval()
    metric = Accumulator(2)  # right predictions, predictions
    with torch.no_grad():
        for X, y in data_iter:
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]


def train_epoch_ch3(net, train_iter, loss, updater):
    """One pass over train_iter; returns the mean loss and the accuracy over its examples."""
    if isinstance(net, torch.nn.Module):
        net.train()
    metric = Accumulator(3)  # summed loss, right predictions, examples
    for X, y in train_iter:
        y_hat = net(X)
        l = loss(y_hat, y)
        if isinstance(updater, torch.optim.Optimizer):
            # A torch optimizer and a loss that averages (reduction='none' then mean() here).
            updater.zero_grad()
            l.mean().backward()
            updater.step()
        else:
            # The book's own sgd: gradients of the summed loss, divided by the batch size in the update.
            l.sum().backward()
            updater(X.shape[0])
        metric.add(float(l.sum()), accuracy(y_hat, y), y.numel())
    return metric[0] / metric[2], metric[1] / metric[2]


def train_ch3(net, train_iter, test_iter, loss, num_epochs, updater):
    animator = Animator(xlabel="epoch", xlim=[1, num_epochs], ylim=[0.3, 0.9], legend=["train loss", "train acc", "test acc"])
    for epoch in range(num_epochs):
        train_metrics = train_epoch_ch3(net, train_iter, loss, updater)
        test_acc = evaluate_accuracy(net, test_iter)
        animator.add(epoch + 1, train_metrics + (test_acc,))
    train_loss, train_acc = train_metrics
    # The book's sanity checks on a Fashion-MNIST run, kept: they fail the same way for a model that did not learn.
    assert train_loss < 0.5, train_loss
    assert train_acc <= 1 and train_acc > 0.7, train_acc
    assert test_acc <= 1 and test_acc > 0.7, test_acc


def predict_ch3(net, test_iter, n=6):
    for X, y in test_iter:
        break
    trues = get_fashion_mnist_labels(y)
    preds = get_fashion_mnist_labels(net(X).argmax(dim=1))
    titles = [true + "\n" + pred for true, pred in zip(trues, preds)]
    show_images(X[0:n].reshape((n, 28, 28)), 1, n, titles=titles[0:n])


def evaluate_loss(net, data_iter, loss):
    """The loss averaged over every element of data_iter's labels."""
    metric = Accumulator(2)  # summed loss, loss elements
    for X, y in data_iter:
        out = net(X)
        y = y.reshape(out.shape)
        l = loss(out, y)
        metric.add(l.sum(), l.numel())
    return metric[0] / metric[1]


# ---- devices and convolution ---------------------------------------------------------------------------


def try_gpu(i=0):
    if torch.cuda.device_count() >= i + 1:
        return torch.device(f"cuda:{i}")
    return torch.device("cpu")


def try_all_gpus():
    devices = [torch.device(f"cuda:{i}") for i in range(torch.cuda.device_count())]
    return devices if devices else [torch.device("cpu")]


def corr2d(X, K):
    """2-D cross-correlation of X with the kernel K (no padding, stride 1)."""
    h, w = K.shape
    Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
    return Y


# ---- optimisation (11.3 - 11.6) -------------------------------------------------------------------------


def train_2d(trainer, steps=20, f_grad=None):
    """Runs `trainer` from (-5, -2) with zeroed state; prints the last point and returns the trace."""
    x1, x2, s1, s2 = -5, -2, 0, 0
    results = [(x1, x2)]
    for i in range(steps):
        if f_grad:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2, f_grad)
        else:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2)
        results.append((x1, x2))
    print(f"epoch {i + 1}, x1: {float(x1):f}, x2: {float(x2):f}")
    return results


def show_trace_2d(f, results):
    """The trace of train_2d over the contours of f on [-5.5, 1) x [-3, 1)."""
    set_figsize()
    plt.plot(*zip(*results), "-o", color="#ff7f0e")
    grid1, grid2 = torch.arange(-5.5, 1.0, 0.1), torch.arange(-3.0, 1.0, 0.1)
    # torch.meshgrid(grid1, grid2, indexing='ij'), built from views.
    x1 = grid1.reshape(-1, 1).expand(len(grid1), len(grid2))
    x2 = grid2.reshape(1, -1).expand(len(grid1), len(grid2))
    plt.contour(x1, x2, f(x1, x2), colors="#1f77b4")
    plt.xlabel("x1")
    plt.ylabel("x2")


# ---- downloads ------------------------------------------------------------------------------------------

_NO_NETWORK = (
    "%s needs %s from the internet, and the Autograd Playground has no network. The book's chapters %s use it; "
    "the chapters that make their data in the script (2.4, 3.2, 3.3, 4.4, 4.5, 11.3, 11.4) run here."
)

# The files of the book's data hub that the loaders below would fetch: (address, SHA-1), as the real module
# registers them at import; a chapter adds its own (the Kaggle data of 4.10) before calling download().
DATA_HUB["kaggle_house_train"] = (DATA_URL + "kaggle_house_pred_train.csv", "585e9cc93e70b39160e7921475f9bcd7d31219ce")
DATA_HUB["kaggle_house_test"] = (DATA_URL + "kaggle_house_pred_test.csv", "fa19780a7b011d9b009e8bff8e99922a8ee2eb90")
DATA_HUB["time_machine"] = (DATA_URL + "timemachine.txt", "090b5e7e70c295757f55df93cb0a180b9691891a")
DATA_HUB["fra-eng"] = (DATA_URL + "fra-eng.zip", "94646ad1522d915e7b0f9296181140edcf86a4f5")
DATA_HUB["airfoil"] = (DATA_URL + "airfoil_self_noise.dat", "76e5be1548fd8222e5074cf0faae75edff8cf93f")

# Loader → (what it fetches, the chapters that use it, its DATA_HUB file or None for torchvision's download).
_DOWNLOADS = {
    "load_data_fashion_mnist": ("the Fashion-MNIST data set", "3.5-3.7, 4.2, 4.3, 4.6, 6.6, 7.1-7.7, 11.11, 12.5, 12.6", None),
    "get_data_ch11": ("the airfoil self-noise data set", "11.5-11.10", "airfoil"),
    "read_time_machine": ("the text of The Time Machine", "8.2-8.6, 9.1-9.4", "time_machine"),
    "load_corpus_time_machine": ("the text of The Time Machine", "8.2-8.6, 9.1-9.4", "time_machine"),
    "load_data_time_machine": ("the text of The Time Machine", "8.3, 8.5, 8.6, 9.1-9.4", "time_machine"),
    "read_data_nmt": ("the English-French translation pairs", "9.5, 9.7", "fra-eng"),
    "load_data_nmt": ("the English-French translation pairs", "9.5, 9.7, 10.4, 10.7", "fra-eng"),
}


def _needs_network(name):
    what, chapters, hub = _DOWNLOADS[name]

    def loader(*args, **kwargs):
        if hub is None:
            raise ConnectionError(_NO_NETWORK % ("d2l." + name, what, chapters))
        # As the real loader starts: download() announces the file, then (here) finds no network.
        found = _fetch(hub, os.path.join("..", "data"), "d2l." + name, chapters)
        raise NotImplementedError("d2l.%s found %s, but reading it is not part of the Autograd Playground's d2l" % (name, found))

    loader.__name__ = loader.__qualname__ = name
    return loader


for _name in _DOWNLOADS:
    globals()[_name] = _needs_network(_name)
del _name


def _fetch(name, cache_dir, who, chapters):
    assert name in DATA_HUB, f"{name} 不存在于 {DATA_HUB}"
    url, sha1_hash = DATA_HUB[name]
    os.makedirs(cache_dir, exist_ok=True)
    fname = os.path.join(cache_dir, url.split("/")[-1])
    if os.path.exists(fname):
        digest = hashlib.sha1()
        with open(fname, "rb") as f:
            for block in iter(lambda: f.read(1048576), b""):
                digest.update(block)
        if digest.hexdigest() == sha1_hash:
            return fname
    # The real download() prints this, then fails on the network.
    print(f"正在从{url}下载{fname}...")
    raise ConnectionError(_NO_NETWORK % (who, url, chapters))


def download(name, cache_dir=os.path.join("..", "data")):
    """A file of DATA_HUB: found in cache_dir when already there with the right SHA-1; else it needs the network."""
    return _fetch(name, cache_dir, "d2l.download(%r)" % name, "4.10 (Kaggle house prices), 8-9 (text), 13 (computer vision) and 14-15 (NLP)")


def download_extract(name, folder=None):
    """download(name), unpacked beside it; returns `folder` inside that place, or the archive's name without
    its extension."""
    archive = download(name)
    where = os.path.dirname(archive)
    stem, ext = os.path.splitext(archive)
    if ext == ".zip":
        import zipfile

        opened = zipfile.ZipFile(archive, "r")
    elif ext in (".tar", ".gz"):
        import tarfile

        opened = tarfile.open(archive, "r")
    else:
        assert False, "只有zip/tar文件可以被解压缩"
    opened.extractall(where)
    return os.path.join(where, folder) if folder else stem


def download_all():
    for name in DATA_HUB:
        download(name)


# ---- the book's aliases (one vocabulary across its MXNet, PyTorch, TensorFlow and Paddle editions) -------

_TORCH_ALIASES = {
    "ones": "ones",
    "zeros": "zeros",
    "tensor": "tensor",
    "arange": "arange",
    "meshgrid": "meshgrid",
    "sin": "sin",
    "sinh": "sinh",
    "cos": "cos",
    "cosh": "cosh",
    "tanh": "tanh",
    "linspace": "linspace",
    "exp": "exp",
    "log": "log",
    "normal": "normal",
    "rand": "rand",
    "randn": "randn",
    "matmul": "matmul",
    "int32": "int32",
    "float32": "float32",
    "concat": "cat",
    "stack": "stack",
    "abs": "abs",
    "eye": "eye",
}
for _alias, _target in _TORCH_ALIASES.items():
    # One the playground's torch lacks stays unbound: __getattr__ below asks torch again, which names it.
    if _target in vars(torch):
        globals()[_alias] = getattr(torch, _target)
del _alias, _target


def numpy(x, *args, **kwargs):
    return x.detach().numpy(*args, **kwargs)


def size(x, *args, **kwargs):
    return x.numel(*args, **kwargs)


def reshape(x, *args, **kwargs):
    return x.reshape(*args, **kwargs)


def to(x, *args, **kwargs):
    return x.to(*args, **kwargs)


def reduce_sum(x, *args, **kwargs):
    return x.sum(*args, **kwargs)


def argmax(x, *args, **kwargs):
    return x.argmax(*args, **kwargs)


def astype(x, *args, **kwargs):
    return x.type(*args, **kwargs)


def transpose(x, *args, **kwargs):
    return x.t(*args, **kwargs)


def reduce_mean(x, *args, **kwargs):
    return x.mean(*args, **kwargs)


# ---- what is not here ------------------------------------------------------------------------------------

# Modules the real d2l.torch imports that the playground does not have.
_ABSENT_MODULES = {
    "torchvision": "torchvision",
    "transforms": "torchvision.transforms",
    "Image": "PIL.Image",
    "requests": "requests",
    "display": "IPython.display",
}


def __getattr__(name):
    if name in _TORCH_ALIASES:
        return getattr(torch, _TORCH_ALIASES[name])
    if name.startswith("__"):
        raise AttributeError("module %r has no attribute %r" % (__name__, name))
    if name in _ABSENT_MODULES:
        raise AttributeError(
            "d2l.torch.%s is not available: the Autograd Playground has no %s" % (name, _ABSENT_MODULES[name]), name=None
        )
    raise AttributeError(
        "d2l.torch.%s is not available: the Autograd Playground's d2l has the helpers of the chapters that make "
        "their data in the script (linear and softmax regression, model selection, weight decay, optimisation); "
        "see the README's list" % name,
        name=None,
    )
