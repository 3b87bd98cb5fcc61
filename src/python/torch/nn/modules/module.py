"""torch.nn.modules.module: Module, the base of every layer: registration of parameters, buffers and
children, state_dict, train/eval, apply/to, and PyTorch's printing of nested modules."""
import collections

from ... import _C
from ..._tensor import Tensor
from ..._utils import typename as _typename
from ..parameter import Parameter


def _addindent(s_, numSpaces):
    s = s_.split("\n")
    if len(s) == 1:
        return s_
    first = s.pop(0)
    s = [(numSpaces * " ") + line for line in s]
    return first + "\n" + "\n".join(s)


# The module calls running now, innermost last: (module, its dotted name or None).
_calls = []
# class → the line of its forward in the user's file (-1 when it is ours or has no source line).
_definition_lines = {}
# id(module) → the name its last call from outside any module found it under (checked by identity before use).
_root_names = {}


def _definition_line(cls):
    line = _definition_lines.get(cls)
    if line is None:
        line = -1
        forward = getattr(cls, "forward", None)
        code = getattr(forward, "__code__", None)
        if code is not None and not _C.is_internal_file(code.co_filename):
            line = code.co_firstlineno
        _definition_lines[cls] = line
    return line


def _call_name(module, stack):
    """`model.encoder.0` for a child called from its parent's forward; the name the user's code binds a module
    called from outside any module to; None when neither is found."""
    if stack:
        parent, parent_name = stack[-1]
        for key, child in parent._modules.items():
            if child is module:
                return None if parent_name is None else parent_name + "." + key
        # Held by a container the parent does not call (a ModuleList, a ModuleDict): 'net.layers.0'.
        for key, child in parent.named_modules():
            if child is module and key:
                return None if parent_name is None else parent_name + "." + key
    frame = _C.user_frame()
    if frame is None:
        return None
    cached = _root_names.get(id(module))
    if cached is not None and (frame.f_locals.get(cached) is module or frame.f_globals.get(cached) is module):
        return cached
    for scope in (frame.f_locals, frame.f_globals):
        for key, value in scope.items():
            if value is module and not key.startswith("_"):
                if len(_root_names) > 256:
                    _root_names.clear()
                _root_names[id(module)] = key
                return key
    return None


class Module:
    training = True

    # As PyTorch 2's: a subclass that sets it True passes Module.__init__ the arguments its own __init__ does not
    # take (for a mixin further along the MRO); otherwise they are an error, in the words Python would use.
    call_super_init = False

    def __init__(self, *args, **kwargs):
        if self.call_super_init is False and kwargs:
            raise TypeError("%s.__init__() got an unexpected keyword argument '%s'" % (type(self).__name__, next(iter(kwargs))))
        if self.call_super_init is False and args:
            raise TypeError("%s.__init__() takes 1 positional argument but %d were given" % (type(self).__name__, len(args) + 1))
        object.__setattr__(self, "_parameters", collections.OrderedDict())
        object.__setattr__(self, "_modules", collections.OrderedDict())
        object.__setattr__(self, "_buffers", collections.OrderedDict())
        object.__setattr__(self, "_non_persistent_buffers_set", set())
        object.__setattr__(self, "training", True)
        if self.call_super_init:
            super().__init__(*args, **kwargs)

    def __setattr__(self, name, value):
        params = self.__dict__.get("_parameters")
        if params is None and isinstance(value, (Parameter, Module)):
            raise AttributeError("cannot assign parameters before Module.__init__() call")
        if isinstance(value, Parameter):
            self.__dict__.pop(name, None)
            self._modules.pop(name, None)
            params[name] = value
        elif isinstance(value, Module):
            self.__dict__.pop(name, None)
            params.pop(name, None)
            self._modules[name] = value
        elif params is not None and name in params:
            if value is not None and not isinstance(value, Parameter):
                raise TypeError(
                    "cannot assign '%s' as parameter '%s' (torch.nn.Parameter or None expected)"
                    % (type(value).__module__ + "." + type(value).__name__, name)
                )
            params[name] = value
        elif params is not None and name in self._modules and value is None:
            self._modules[name] = None
        elif self.__dict__.get("_buffers") is not None and name in self._buffers:
            if value is not None and not isinstance(value, Tensor):
                raise TypeError(
                    "cannot assign '%s' as buffer '%s' (torch.nn.Buffer, torch.Tensor or None expected)"
                    % (_typename(value), name)
                )
            self.register_buffer(name, value, name not in self._non_persistent_buffers_set)
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name):
        d = self.__dict__
        for store in ("_parameters", "_modules", "_buffers"):
            s = d.get(store)
            if s is not None and name in s:
                return s[name]
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __delattr__(self, name):
        for store in (self._parameters, self._modules, self._buffers):
            if name in store:
                del store[name]
                return
        object.__delattr__(self, name)

    def register_parameter(self, name, param):
        if "_parameters" not in self.__dict__:
            raise AttributeError("cannot assign parameter before Module.__init__() call")
        elif not isinstance(name, str):
            raise TypeError("parameter name should be a string. Got %s" % _typename(name))
        elif "." in name:
            raise KeyError('parameter name can\'t contain "."')
        elif name == "":
            raise KeyError('parameter name can\'t be empty string ""')
        elif hasattr(self, name) and name not in self._parameters:
            raise KeyError("attribute '%s' already exists" % name)

        if param is None:
            self._parameters[name] = None
        elif not isinstance(param, Parameter):
            raise TypeError(
                "cannot assign '%s' object to parameter '%s' (torch.nn.Parameter or None required)"
                % (_typename(param), name)
            )
        elif param.grad_fn:
            raise ValueError(
                "Cannot assign non-leaf Tensor to parameter '%s'. Model parameters must be created explicitly. "
                "To express '%s' as a function of another Tensor, compute the value in the forward() method."
                % (name, name)
            )
        else:
            self._parameters[name] = param

    def register_buffer(self, name, tensor, persistent=True):
        if "_buffers" not in self.__dict__:
            raise AttributeError("cannot assign buffer before Module.__init__() call")
        elif not isinstance(name, str):
            raise TypeError("buffer name should be a string. Got %s" % _typename(name))
        elif "." in name:
            raise KeyError('buffer name can\'t contain "."')
        elif name == "":
            raise KeyError('buffer name can\'t be empty string ""')
        elif hasattr(self, name) and name not in self._buffers:
            raise KeyError("attribute '%s' already exists" % name)
        elif tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError(
                "cannot assign '%s' object to buffer '%s' (torch Tensor or None required)" % (_typename(tensor), name)
            )
        self._buffers[name] = tensor
        if persistent:
            self._non_persistent_buffers_set.discard(name)
        else:
            self._non_persistent_buffers_set.add(name)

    def add_module(self, name, module):
        if not isinstance(module, Module) and module is not None:
            raise TypeError("%s is not a Module subclass" % _typename(module))
        elif not isinstance(name, str):
            raise TypeError("module name should be a string. Got %s" % _typename(name))
        elif hasattr(self, name) and name not in self._modules:
            raise KeyError("attribute '%s' already exists" % name)
        elif "." in name:
            raise KeyError('module name can\'t contain ".", got: %s' % name)
        elif name == "":
            raise KeyError('module name can\'t be empty string ""')
        self._modules[name] = module

    register_module = add_module

    def forward(self, *args, **kwargs):
        # Whatever it is called with: a Module without its own forward cannot be called.
        raise NotImplementedError('Module [%s] is missing the required "forward" function' % type(self).__name__)

    # Built-in layers that run hundreds of primitive ops (the recurrent layers, attention) say True: the panel's
    # graph shows each call of them as one node.
    _graph_as_one_node = False

    def __call__(self, *args, **kwargs):
        # Every call is recorded (the panel draws it as a box around its ops): its dotted name, class, the
        # call's line and the line of the class's forward in the user's file. Only calls, not ops, pay for it.
        stack = _calls
        name = _call_name(self, stack)
        cls = type(self)
        previous = _C.E.module_call_enter(cls.__name__, _C.user_line(), name, cls._graph_as_one_node, _definition_line(cls))
        stack.append((self, name))
        try:
            return self.forward(*args, **kwargs)
        finally:
            stack.pop()
            _C.E.module_call_exit(previous)

    def _named_members(self, get_members_fn, prefix="", recurse=True, remove_duplicate=True):
        memo = set()
        modules = self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate) if recurse else [(prefix, self)]
        for module_prefix, module in modules:
            for k, v in get_members_fn(module):
                if v is None or id(v) in memo:
                    continue
                if remove_duplicate:
                    memo.add(id(v))
                yield module_prefix + ("." if module_prefix else "") + k, v

    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        yield from self._named_members(lambda m: m._parameters.items(), prefix, recurse, remove_duplicate)

    def parameters(self, recurse=True):
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
        yield from self._named_members(lambda m: m._buffers.items(), prefix, recurse, remove_duplicate)

    def buffers(self, recurse=True):
        for _, b in self.named_buffers(recurse=recurse):
            yield b

    def named_children(self):
        for name, m in self._modules.items():
            if m is not None:
                yield name, m

    def children(self):
        for _, m in self.named_children():
            yield m

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        if memo is None:
            memo = set()
        if id(self) in memo:
            return
        if remove_duplicate:
            memo.add(id(self))
        yield prefix, self
        for name, m in self._modules.items():
            if m is None:
                continue
            yield from m.named_modules(memo, prefix + "." + name if prefix else name, remove_duplicate)

    def modules(self):
        for _, m in self.named_modules():
            yield m

    def train(self, mode=True):
        for m in self.modules():
            object.__setattr__(m, "training", mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=True):
        for p in self.parameters():
            if p.grad is not None:
                if set_to_none:
                    p.grad = None
                else:
                    g = p.grad
                    if g.grad_fn is not None:
                        g.detach_()
                    else:
                        g.requires_grad_(False)
                    g.zero_()

    def apply(self, fn):
        for m in self.children():
            m.apply(fn)
        fn(self)
        return self

    def _apply(self, fn):
        """Replaces every parameter's data, gradient and buffer by fn of it, children first (as PyTorch does);
        a Parameter stays the same object, so optimizers built before still hold it."""
        for module in self.children():
            module._apply(fn)
        from ... import no_grad

        with no_grad():
            for param in self._parameters.values():
                if param is None:
                    continue
                data = fn(param.data)
                if data is not param.data:
                    param.data = data
                if param.grad is not None:
                    grad = fn(param.grad)
                    if grad is not param.grad:
                        param.grad = grad
            for name, buf in self._buffers.items():
                if buf is not None:
                    self._buffers[name] = fn(buf)
        return self

    def to(self, *args, **kwargs):
        from ..._tensor_args import parse_to

        device, dtype, _ = parse_to(args, kwargs, check_device=False)
        if dtype is not None and not dtype.is_floating_point:
            raise TypeError(
                "nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=%r" % (dtype,)
            )

        # As PyTorch: memory_format= applies to the 4-d and 5-d tensors (convolution weights) only.
        memory_format = kwargs.get("memory_format")

        def convert(t):
            if memory_format is not None and t.dim() in (4, 5):
                return t.to(device, dtype if t.is_floating_point() else None, memory_format=memory_format)
            return t.to(device, dtype if t.is_floating_point() else None)

        return self._apply(convert)

    def cpu(self):
        return self._apply(lambda t: t.cpu())

    def cuda(self, device=None):
        return self._apply(lambda t: t.cuda(device))

    def float(self):
        return self._apply(lambda t: t.float() if t.is_floating_point() else t)

    def double(self):
        return self._apply(lambda t: t.double() if t.is_floating_point() else t)

    def half(self):
        return self._apply(lambda t: t.half() if t.is_floating_point() else t)

    def bfloat16(self):
        return self._apply(lambda t: t.bfloat16() if t.is_floating_point() else t)

    def _save_to_state_dict(self, destination, prefix, keep_vars):
        for name, param in self._parameters.items():
            if param is not None:
                destination[prefix + name] = param if keep_vars else param.detach()
        for name, buf in self._buffers.items():
            if buf is not None and name not in self._non_persistent_buffers_set:
                destination[prefix + name] = buf if keep_vars else buf.detach()

    def state_dict(self, *args, destination=None, prefix="", keep_vars=False):
        """Parameters and persistent buffers, module by module (own entries first, then each child's)."""
        if args:
            destination = args[0] if len(args) > 0 and destination is None else destination
            prefix = args[1] if len(args) > 1 and prefix == "" else prefix
            keep_vars = args[2] if len(args) > 2 and keep_vars is False else keep_vars
        if destination is None:
            destination = collections.OrderedDict()
            destination._metadata = collections.OrderedDict()
        if hasattr(destination, "_metadata"):
            destination._metadata[prefix[:-1]] = dict(version=getattr(self, "_version", 1))
        self._save_to_state_dict(destination, prefix, keep_vars)
        for name, module in self._modules.items():
            if module is not None:
                module.state_dict(destination=destination, prefix=prefix + name + ".", keep_vars=keep_vars)
        return destination

    def _load_from_state_dict(self, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs, assign=False):
        from ... import no_grad

        persistent_buffers = {k: v for k, v in self._buffers.items() if k not in self._non_persistent_buffers_set}
        local_state = {k: v for k, v in list(self._parameters.items()) + list(persistent_buffers.items()) if v is not None}
        for name, param in local_state.items():
            key = prefix + name
            if key in state_dict:
                input_param = state_dict[key]
                if not isinstance(input_param, Tensor):
                    error_msgs.append(
                        'While copying the parameter named "%s", expected torch.Tensor or Tensor-like object from '
                        "checkpoint but received %s" % (key, type(input_param))
                    )
                    continue
                if len(param.shape) == 0 and len(input_param.shape) == 1:
                    input_param = input_param[0]
                if input_param.shape != param.shape:
                    error_msgs.append(
                        "size mismatch for %s: copying a param with shape %s from checkpoint, "
                        "the shape in current model is %s." % (key, input_param.shape, param.shape)
                    )
                    continue
                try:
                    with no_grad():
                        if assign:
                            if isinstance(param, Parameter) and not isinstance(input_param, Parameter):
                                setattr(self, name, Parameter(input_param, requires_grad=param.requires_grad))
                            else:
                                setattr(self, name, input_param)
                        else:
                            param.copy_(input_param)
                except Exception as ex:
                    error_msgs.append(
                        'While copying the parameter named "%s", whose dimensions in the model are %s and whose '
                        "dimensions in the checkpoint are %s, an exception occurred : %s."
                        % (key, param.size(), input_param.size(), ex.args)
                    )
            elif strict:
                missing_keys.append(key)

        if strict:
            for key in state_dict.keys():
                if key.startswith(prefix):
                    input_name = key[len(prefix):].split(".", 1)
                    if len(input_name) > 1:
                        if input_name[0] not in self._modules:
                            unexpected_keys.append(key)
                    elif input_name[0] not in local_state:
                        unexpected_keys.append(key)

    def load_state_dict(self, state_dict, strict=True, assign=False):
        if not isinstance(state_dict, collections.abc.Mapping):
            raise TypeError("Expected state_dict to be dict-like, got %s." % type(state_dict))

        missing_keys = []
        unexpected_keys = []
        error_msgs = []
        metadata = getattr(state_dict, "_metadata", None)
        state_dict = collections.OrderedDict(state_dict)
        if metadata is not None:
            state_dict._metadata = metadata

        def load(module, local_state_dict, prefix=""):
            local_metadata = {} if metadata is None else metadata.get(prefix[:-1], {})
            module._load_from_state_dict(
                local_state_dict, prefix, local_metadata, True, missing_keys, unexpected_keys, error_msgs, assign
            )
            for name, child in module._modules.items():
                if child is not None:
                    child_prefix = prefix + name + "."
                    child_state_dict = {k: v for k, v in local_state_dict.items() if k.startswith(child_prefix)}
                    load(child, child_state_dict, child_prefix)

        load(self, state_dict)
        del load

        if strict:
            if len(unexpected_keys) > 0:
                error_msgs.insert(
                    0, "Unexpected key(s) in state_dict: %s. " % ", ".join('"%s"' % k for k in unexpected_keys)
                )
            if len(missing_keys) > 0:
                error_msgs.insert(0, "Missing key(s) in state_dict: %s. " % ", ".join('"%s"' % k for k in missing_keys))

        if len(error_msgs) > 0:
            raise RuntimeError(
                "Error(s) in loading state_dict for %s:\n\t%s" % (self.__class__.__name__, "\n\t".join(error_msgs))
            )
        return _IncompatibleKeys(missing_keys, unexpected_keys)

    def extra_repr(self):
        return ""

    def _get_name(self):
        return self.__class__.__name__

    def __repr__(self):
        # PyTorch's Module.__repr__: extra_repr lines, then one "(name): child" entry per child, indented.
        extra_lines = []
        extra_repr = self.extra_repr()
        if extra_repr:
            extra_lines = extra_repr.split("\n")
        child_lines = []
        for key, module in self._modules.items():
            mod_str = _addindent(repr(module), 2)
            child_lines.append("(" + key + "): " + mod_str)
        lines = extra_lines + child_lines

        main_str = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main_str += extra_lines[0]
            else:
                main_str += "\n  " + "\n  ".join(lines) + "\n"
        return main_str + ")"

    def __dir__(self):
        return list(object.__dir__(self)) + list(self._parameters) + list(self._modules)


class _IncompatibleKeys(collections.namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    __slots__ = ()

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()

    __str__ = __repr__
