"""The module `_playground_host` as Python sees it: what src/runtime/host/worker.ts registers with
`registerJsModule`. Nothing imports this file; it is the ABI between src/python and the TypeScript side, for
readers and type checkers (like pyodide's own js.pyi). binding.test.ts, beside it, checks that its names match the
real binding table, op table and settings, so it cannot drift; the types are approximate where a JavaScript
value has no exact Python spelling.

Conventions the binding follows (binding.ts gives the naming rule):
- Shapes and index tuples travel as trailing `*args`; a missing dim or option is None.
- A JavaScript `undefined` result arrives as None, `null` as `jsnull` (the binding returns undefined where
  Python wants None).
- Errors arrive as JsException whose `name` is the Python exception to raise (_playground/bridge.py).
- int64 values that may exceed 2**53 (seeds) travel as decimal strings or JsBigInt.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Literal, final

from pyodide.ffi import JsArray, JsBigInt, JsBuffer, JsCallable, JsNull, JsProxy

DType = Literal["float16", "bfloat16", "float32", "float64", "int32", "int64", "bool"]
FloatDType = Literal["float16", "bfloat16", "float32", "float64"]
# numpy.random.randint's dtypes, each with NumPy's own draw pattern.
BoundedIntType = Literal["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]

# A number or a flat sequence of numbers, already broadcast to the output shape (numpy.random parameters).
Param = float | Sequence[float] | JsArray[float]
IntBound = int | Sequence[int] | JsArray[int]

# The ops `binding.call` dispatches by name (src/runtime/bridge/ops.ts).
OpName = Literal[
    "result_type", "promote_types", "add", "radd", "sub", "rsub", "rsub_tensor", "mul", "rmul", "add_scalar_first", "sub_scalar_first",
    "mul_scalar_first", "div_scalar_first", "div", "rdiv", "floordiv", "rfloordiv", "mod", "rmod", "fmod", "pow",
    "rpow", "matmul", "mm", "mv", "bmm", "dot", "outer", "linear", "neg", "reciprocal", "abs", "sign", "exp",
    "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt", "sin", "cos", "tan", "tanh", "sigmoid", "relu",
    "erf", "lgamma", "digamma", "polygamma", "floor", "ceil", "round", "trunc", "square", "leaky_relu", "softplus",
    "elu", "silu", "gelu", "clamp", "clamp_tensor", "maximum", "minimum", "where", "eq", "ne", "lt", "le", "gt", "ge", "logical_and", "logical_or",
    "logical_xor", "logical_not", "bitwise", "bitwise_not", "isnan", "isinf", "isfinite", "nan_to_num", "to", "clone", "sum",
    "mean", "max_all", "min_all", "max_dim", "min_dim", "amax", "amin", "argmax", "argmin", "prod", "norm", "var", "std",
    "logsumexp", "softmax", "log_softmax", "all", "any", "cumsum", "view", "reshape", "expand", "repeat",
    "permute", "flatten", "unflatten", "t", "T", "transpose", "unsqueeze", "squeeze", "select", "narrow",
    "contiguous", "alias", "cat", "stack", "unbind", "split", "chunk", "unsafe_chunk", "unsafe_split", "rnn_unbind",
    "_pack_padded_sequence", "getitem", "index_select", "masked_fill",
    "gather", "scatter_add", "diagonal", "flip", "tril", "triu", "cholesky_ex", "solve_triangular", "setitem",
    "iop", "copy_", "fill_", "zero_", "mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss",
    "binary_cross_entropy", "binary_cross_entropy_with_logits", "nll_loss", "cross_entropy",
    # torch.nn's fused layers (nnOps.ts)
    "batch_norm", "layer_norm", "group_norm", "embedding", "embedding_renorm_", "embedding_bag", "one_hot",
    "rnn_layer", "rnn_cell",
    # convolution, padding, pooling and resampling (convPoolOps.ts)
    "convolution", "constant_pad_nd", "index_pad", "max_pool2d_with_indices", "avg_pool2d", "adaptive_avg_pool2d", "upsample_nearest",
    "upsample_bilinear2d",
    # pixel shuffle, adaptive max pooling, bilinear's _trilinear (convPoolOps.ts)
    "pixel_shuffle", "pixel_unshuffle", "adaptive_max_pool2d", "trilinear", "reshape_alias",
    # hardtanh, SELU, PReLU, GLU & co. (activationOps.ts)
    "hardtanh", "threshold", "hardsigmoid", "hardswish", "mish", "selu", "celu", "prelu", "rrelu_eval", "glu",
    "log_sigmoid", "softshrink", "hardshrink",
    # sorting, selection, blends, one-sided clamps (tensorOps.ts)
    "sort", "topk", "cumprod", "nonzero", "masked_select", "unique", "clamp_min", "clamp_max", "lerp", "addcmul",
    "addcdiv", "addmm", "nansum", "trace", "diag", "roll", "scatter", "index_add",
    # kl_div, the margin losses, Poisson NLL (lossOps.ts)
    "kl_div", "cosine_embedding_loss", "margin_ranking_loss", "hinge_embedding_loss", "poisson_nll_loss",
    "triplet_margin_loss", "soft_margin_loss", "multi_margin_loss",
    # elementwise functions beyond the basic set (tensorOps.ts, specialMath.ts)
    "atan2", "hypot", "logaddexp", "logit", "erfinv",
    # running extremes, order statistics, paired reductions, products, rot90/diag_embed (tensorOps.ts)
    "cummax", "cummin", "logcumsumexp", "kthvalue", "median", "var_mean", "aminmax", "kron", "cross", "cdist",
    "rot90", "diag_embed",
]

# The first argument of `call(line, "iop", name, tensor, ...)`: `x.add_(y)` runs `add` and writes back.
InplaceOpName = Literal[
    "add", "sub", "mul", "div", "pow", "floordiv", "mod", "clamp", "neg", "exp", "log", "sqrt", "abs", "relu",
    "leaky_relu", "elu", "silu", "sigmoid", "tanh", "and", "or", "xor", "masked_fill",
    "scatter_add", "hardtanh", "threshold", "hardsigmoid", "hardswish", "mish", "selu", "celu", "rrelu_eval",
    "clamp_min", "clamp_max", "lerp", "addcmul", "addcdiv", "scatter", "index_add",
    # elementwise functions beyond the basic set (tensorOps.ts)
    "atan2", "hypot", "logit", "erfinv",
]

@final
class Tensor(JsProxy):
    """An engine tensor (src/engine/tensor.ts); torch.Tensor and numpy.ndarray each hold one as `_t`."""

@final
class Storage(JsProxy):
    """A tensor's flat storage array (src/engine/dtype.ts StorageArray), shared by the tensors made over it."""

@final
class Node(JsProxy):
    """A graph node (src/engine/graph.ts): what torch's `grad_fn` objects wrap."""

@final
class NodeRef(JsProxy):
    """A JavaScript WeakRef to a Node: `deref()` is None once the node is gone."""
    def deref(self) -> Node | None: ...

@final
class FunctionRecord(JsProxy):
    """What `autograd_function_apply` returns."""
    node: Node | None
    outputs: JsArray[Tensor | None]

@final
class Generator(JsProxy):
    """A torch random generator (src/engine/random/generator.ts)."""

@final
class RandomState(JsProxy):
    """NumPy's legacy RandomState (src/engine/numpy/randomState.ts)."""

@final
class TensorSummary(JsProxy):
    """A tensor as the variables view and backward events show it (src/protocol/events.ts)."""
    shape: JsArray[int]
    dtype: str
    numel: int
    text: str
    min: float | None
    max: float | None
    mean: float | None
    norm: float | None

@final
class PrintOptions(JsProxy):
    precision: int
    threshold: int
    edgeitems: int
    linewidth: int
    sciMode: bool | JsNull

@final
class NumpyPrintOptions(JsProxy):
    precision: int
    threshold: int
    edgeitems: int
    linewidth: int
    suppress: bool
    floatmode: Literal["fixed", "unique", "maxprec", "maxprec_equal"]
    sign: Literal["-", "+", " "]
    nanstr: str
    infstr: str

@final
class RandomStateState(JsProxy):
    """`RandomState.get_state()` without its 'MT19937' tag."""
    key: JsArray[int]
    pos: int
    has_gauss: int
    gauss: float

@final
class Settings(JsProxy):
    """The run settings (WorkerSettings in src/runtime/host/workerProtocol.ts)."""
    graphNodeLimit: int
    graphIntervalMs: float
    trackLines: bool
    detectNonFinite: bool
    instrument: bool
    variablesLimit: int

@final
class Binding(JsProxy):
    """The table of operations (src/runtime/bridge/binding.ts and its parts)."""

    # binding.ts: op dispatch and errors
    def call(self, line: int, name: OpName, *args: object) -> object:
        """Runs an op; `line` is the user's source line for the graph nodes it creates, -1 when not tracked."""
    def error_type(self, e: object) -> str | JsNull: ...

    # creation.ts
    def from_values(self, values: Sequence[float] | JsArray[float], dtype: DType, *shape: int) -> Tensor: ...
    def full(self, value: float, dtype: DType, *shape: int) -> Tensor: ...
    def arange(self, start: float, end: float, step: float, dtype: DType) -> Tensor: ...
    def linspace(self, start: float, end: float, steps: int, dtype: DType) -> Tensor: ...
    def eye(self, n: int, m: int, dtype: DType) -> Tensor: ...

    # random.ts: a None generator is the default one
    def generator(self, seed: int | None = None) -> Generator: ...
    def default_generator(self) -> Generator: ...
    def manual_seed(self, g: Generator | None, seed: int) -> Generator: ...
    def initial_seed(self, g: Generator | None) -> str: ...
    def seed(self, g: Generator | None) -> str: ...
    def rand(self, g: Generator | None, dtype: FloatDType, *shape: int) -> Tensor: ...
    def randn(self, g: Generator | None, dtype: FloatDType, *shape: int) -> Tensor: ...
    def normal(self, g: Generator | None, mean: float, std: float, dtype: FloatDType, *shape: int) -> Tensor: ...
    def randint(self, g: Generator | None, low: int, high: int, dtype: DType, *shape: int) -> Tensor: ...
    def randperm(self, g: Generator | None, n: int) -> Tensor: ...
    def uniform_(self, g: Generator | None, t: Tensor, low: float, high: float) -> Tensor: ...
    def normal_(self, g: Generator | None, t: Tensor, mean: float, std: float) -> Tensor: ...
    def random_(self, g: Generator | None, t: Tensor, low: int | None, high: int | None) -> Tensor: ...
    def bernoulli_(self, g: Generator | None, t: Tensor, p: float) -> Tensor: ...
    def bernoulli_tensor(self, g: Generator | None, t: Tensor, p: Tensor) -> Tensor: ...
    def exponential_(self, g: Generator | None, t: Tensor, lambd: float) -> Tensor: ...
    def multinomial(self, g: Generator | None, p: Tensor, n: int, replacement: bool) -> Tensor: ...
    def random_seed_int64(self, g: Generator | None) -> str: ...

    # numpyRandom.ts: the output shape comes last
    def npr_new(self, seed: IntBound | None) -> RandomState: ...
    def npr_global(self) -> RandomState: ...
    def npr_seed(self, rs: RandomState, seed: IntBound | None) -> None: ...
    def npr_random_sample(self, rs: RandomState, *shape: int) -> Tensor: ...
    def npr_standard_normal(self, rs: RandomState, *shape: int) -> Tensor: ...
    def npr_normal(self, rs: RandomState, loc: Param, scale: Param, *shape: int) -> Tensor: ...
    def npr_uniform(self, rs: RandomState, low: Param, high: Param, *shape: int) -> Tensor: ...
    def npr_standard_exponential(self, rs: RandomState, *shape: int) -> Tensor: ...
    def npr_exponential(self, rs: RandomState, scale: Param, *shape: int) -> Tensor: ...
    def npr_randint(self, rs: RandomState, low: IntBound, high: IntBound, dtype: BoundedIntType, *shape: int) -> Tensor: ...
    def npr_randint_scalar(self, rs: RandomState, low: int, high: int, dtype: BoundedIntType) -> int | JsBigInt: ...
    def npr_permutation(self, rs: RandomState, n: int) -> Tensor: ...
    def npr_shuffle_swaps(self, rs: RandomState, n: int) -> JsArray[int]: ...
    def npr_choice(
        self, rs: RandomState, pop_size: int, replace: bool, p: Sequence[float] | JsArray[float] | None, atol: float, *shape: int
    ) -> Tensor: ...
    def npr_bytes(self, rs: RandomState, length: int) -> JsBuffer: ...
    def npr_get_state(self, rs: RandomState) -> RandomStateState: ...
    def npr_set_state(self, rs: RandomState, key: Sequence[int] | JsArray[int], pos: int, has_gauss: int, gauss: float) -> None: ...

    # tensorMeta.ts
    def shape(self, t: Tensor) -> JsArray[int]: ...
    def stride(self, t: Tensor) -> JsArray[int]: ...
    def storage_offset(self, t: Tensor) -> int: ...
    def dtype(self, t: Tensor) -> DType: ...
    def numel(self, t: Tensor) -> int: ...
    def is_contiguous(self, t: Tensor) -> bool: ...
    def requires_grad(self, t: Tensor) -> bool: ...
    def set_requires_grad(self, t: Tensor, value: bool) -> None: ...
    def is_leaf(self, t: Tensor) -> bool: ...
    def grad(self, t: Tensor) -> Tensor | None: ...
    def set_grad(self, t: Tensor, g: Tensor | None) -> None: ...
    def grad_fn(self, t: Tensor) -> Node | None: ...
    def set_line(self, t: Tensor, line: int) -> None: ...
    def version(self, t: Tensor) -> int: ...
    def view_base(self, t: Tensor) -> Tensor | None: ...
    def tensor_id(self, t: Tensor) -> int: ...
    def item(self, t: Tensor) -> float: ...
    def item_typed(self, t: Tensor) -> float | bool | str: ...
    def tolist_flat(self, t: Tensor) -> JsBuffer: ...
    def data_of(self, t: Tensor) -> Tensor: ...
    def set_data(self, t: Tensor, src: Tensor) -> None: ...
    def resize_(self, t: Tensor, *shape: int) -> None: ...
    def module_call_enter(self, class_name: str, line: int, name: str | None, one_node: bool, def_line: int) -> JsProxy | JsNull: ...
    def module_call_exit(self, previous: JsProxy | JsNull | None) -> None: ...
    def adam_step(
        self, param: Tensor, grad: Tensor, exp_avg: Tensor, exp_avg_sq: Tensor, max_exp_avg_sq: Tensor | None,
        step: Tensor, step_value: float, lr: float, beta1: float, beta2: float, weight_decay: float, eps: float,
        maximize: bool, decoupled: bool, neg_step_size: float, bias_correction2_sqrt: float,
    ) -> bool: ...
    def overwrite(self, t: Tensor, values: Sequence[float] | JsArray[float]) -> Tensor: ...
    def detach(self, t: Tensor) -> Tensor: ...
    def detach_(self, t: Tensor) -> Tensor: ...
    def retain_grad(self, t: Tensor) -> None: ...
    def retains_grad(self, t: Tensor) -> bool: ...
    def register_hook(self, t: Tensor, hook: Callable[[Tensor], Tensor | None]) -> JsCallable[[], None]:
        """Returns the hook's remover."""

    # autograd.ts
    def node_name(self, n: Node) -> str: ...
    def node_next(self, n: Node) -> JsArray[Node | None]: ...
    def node_next_nr(self, n: Node) -> JsArray[int]: ...
    def node_num_outputs(self, n: Node) -> int: ...
    def node_variable(self, n: Node) -> Tensor | None: ...
    def node_id(self, n: Node) -> int: ...
    def node_weakref(self, n: Node) -> NodeRef: ...
    def node_saved(self, n: Node) -> JsArray[Tensor | None]: ...
    def node_register_prehook(self, n: Node, hook: Callable[[JsArray[Tensor | None]], object]) -> JsCallable[[], None]:
        """`hook(grad_outputs)` returns None or a JavaScript array of replacements; returns the remover."""
    def node_register_hook(
        self, n: Node, hook: Callable[[JsArray[Tensor | None], JsArray[Tensor | None]], object]
    ) -> JsCallable[[], None]:
        """`hook(grad_inputs, grad_outputs)` returns None or a JavaScript array of replacements; returns the remover."""
    def node_call(self, n: Node, grads: Sequence[Tensor | None] | JsArray[Tensor | None]) -> JsArray[Tensor | None]: ...
    def autograd_function_apply(
        self,
        line: int,
        name: str,
        inputs: Sequence[Tensor] | JsArray[Tensor],
        outputs: Sequence[Tensor | None] | JsArray[Tensor | None],
        non_differentiable: Sequence[bool] | JsArray[bool],
        dirty: Sequence[Tensor] | JsArray[Tensor],
        saved: Sequence[Tensor | None] | JsArray[Tensor | None],
        materialize_grads: bool,
        backward: Callable[[Node, JsArray[Tensor | None]], object],
    ) -> FunctionRecord:
        """`backward(node, grad_outputs)` returns a JavaScript array with one gradient per tensor input."""
    def autograd_error_node(self, message: str, inputs: Sequence[Tensor] | JsArray[Tensor]) -> JsArray[Tensor]: ...
    def is_grad_enabled(self) -> bool: ...
    def set_grad_enabled(self, enabled: bool) -> bool:
        """Returns the previous mode."""
    def backward(self, line: int, root: Tensor, gradient: Tensor | None, retain_graph: bool | None, create_graph: bool) -> int:
        """Runs backward() and sends its `backward` event (unless the run is not instrumented). Returns the
        debugger's answer: 0 run on, 1 pause now, 2 pause when the next optimizer.step() returns."""
    def flush_graph(self) -> None: ...
    def reset_graph_reporting(
        self,
        namer: Callable[[], tuple[Sequence[Tensor], Sequence[str]]] | None = None,
        snapshot: Callable[[], None] | None = None,
    ) -> None: ...
    def autograd_grad(
        self,
        outputs: Sequence[Tensor],
        inputs: Sequence[Tensor],
        grad_outputs: Sequence[Tensor | None] | None,
        retain_graph: bool | None,
        create_graph: bool,
        allow_unused: bool,
    ) -> JsArray[Tensor | None]: ...

    # printing.ts
    def repr(self, t: Tensor) -> str: ...
    def summary(self, t: Tensor, printed: bool = True) -> TensorSummary: ...
    def format_size(self, *shape: int) -> str: ...
    def format_dtype(self, dtype: DType) -> str: ...
    def format_float(self, x: float) -> str: ...
    def set_printoptions(
        self,
        precision: int | None,
        threshold: int | None,
        edgeitems: int | None,
        linewidth: int | None,
        profile: Literal["default", "short", "full"] | None,
        sci_mode: bool | None,
    ) -> None: ...
    def print_options(self) -> PrintOptions: ...
    def np_repr(self, t: Tensor) -> str: ...
    def np_str(self, t: Tensor) -> str: ...
    def np_scalar_str(self, v: float, dtype: DType) -> str: ...
    def np_scalar_repr(self, v: float, dtype: DType) -> str: ...
    def np_set_printoptions(self, options: object) -> None:
        """`options`: a JavaScript object (to_js of a dict) with any of NumpyPrintOptions' fields."""
    def np_get_printoptions(self) -> NumpyPrintOptions: ...
    def np_reset_printoptions(self) -> None: ...

    # numpy.ts
    def np_values(self, t: Tensor) -> JsBuffer:
        """A Float64Array of the elements in C order (exact, -0.0 included)."""
    def np_item(self, t: Tensor) -> float | Literal["-0"]: ...
    def np_sum(self, t: Tensor, axes: Sequence[int] | None, keepdims: bool, dtype: DType) -> Tensor: ...
    def np_mean(self, t: Tensor, axes: Sequence[int] | None, keepdims: bool, dtype: FloatDType) -> Tensor: ...
    def np_var(self, t: Tensor, axes: Sequence[int] | None, ddof: float, keepdims: bool, dtype: FloatDType, std: bool) -> Tensor: ...
    def np_sort(self, t: Tensor, axis: int) -> Tensor: ...
    def np_arange(self, first: float, second: float, length: int, dtype: DType) -> Tensor: ...
    def np_linspace(self, start: float, stop: float, num: int, endpoint: bool, dtype: DType) -> Tensor: ...
    def np_slice(self, t: Tensor, dim: int, start: int, step: int, length: int) -> Tensor: ...
    def np_divmod(self, a: Tensor, b: Tensor, which: Literal[0, 1]) -> Tensor: ...
    def np_libm(self, t: Tensor, name: Literal["log", "log1p", "sin", "cos"]) -> Tensor: ...
    def np_cumsum(self, t: Tensor, axis: int) -> Tensor: ...

    # storage.ts
    def storage_of(self, t: Tensor) -> Storage: ...
    def storage_key(self, data: Storage) -> int:
        """The same number for the same storage."""
    def storage_bytes(self, data: Storage, dtype: DType) -> JsBuffer:
        """The whole storage as a .pt file holds it (little-endian; int64 as 8-byte integers)."""
    def storage_from_bytes(self, data: JsBuffer, dtype: DType) -> Storage: ...
    def tensor_over_storage(self, storage: Storage, dtype: DType, offset: int, ndim: int, *shape_and_strides: int) -> Tensor: ...

settings: Settings
binding: Binding

def emit(event: str | Mapping[str, object]) -> None:
    """Sends a run event: a JSON string or a dict whose `type` Python may emit (backward, graph, error, stdout,
    stderr, figure, variables); the host adds `t` and, for backward/graph, `step`, `file` and `line`."""

def stopRequested() -> bool:
    """True once the user asked to stop the run."""

def pause_enter(at: str, line: int) -> None:
    """The script pauses where backward() (`at` 'backward') or optimizer.step() ('step') returned, at the user's
    `line` (-1: unknown): sends the `paused` event."""

def pause_wait() -> int:
    """Sleeps until the debugger says what to do: -1 run on, -2 stop, else the id of a console request."""

def pause_code() -> str:
    """The code of the console request pause_wait() returned."""

def console_result(id: int, code: str, output: str, error: bool) -> None:
    """Sends a console request's answer (the `console` event)."""

def pause_leave() -> None:
    """The paused script runs on: sends the `resumed` event."""

def now() -> float:
    """Milliseconds since the current run started, on the clock of events' `t`."""

def memory() -> float:
    """The worker's live bytes (JavaScript heap plus tensor data and WebAssembly memory) after a forced garbage
    collection; for tests and the bench, which measure memory per training step with it."""
