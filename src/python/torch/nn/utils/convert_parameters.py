"""torch.nn.utils.convert_parameters: all parameters as one flat vector, and back."""


def parameters_to_vector(parameters):
    from ... import cat

    return cat([param.view(-1) for param in parameters])


def vector_to_parameters(vec, parameters):
    from ... import Tensor
    from ..._utils import typename

    if not isinstance(vec, Tensor):
        raise TypeError("expected torch.Tensor, but got: %s" % typename(vec))
    pointer = 0
    for param in parameters:
        num_param = param.numel()
        param.data = vec[pointer:pointer + num_param].view_as(param).data
        pointer += num_param
