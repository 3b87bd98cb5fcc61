/** Printing: torch's (repr, the variables view's summaries, print options) and NumPy's (`np_*`). */
import { DType } from '../../engine/dtype';
import { NumpyDType, numpyArrayRepr, numpyArrayStr, numpyPrintOptions, NumpyPrintOptions, numpyScalarRepr, numpyScalarStr, resetNumpyPrintOptions, setNumpyPrintOptions } from '../../engine/numpy/format';
import { syncView } from '../../engine/graph';
import { formatDType, formatPythonFloat, formatSize, printOptions, setPrintOptions, PrintOptions } from '../../engine/print/format';
import { Tensor } from '../../engine/tensor';
import { printTensor, summarize } from '../report/tensorSummary';

/** The NumPy side never makes float16 or bfloat16 arrays (`Tensor.numpy()` refuses them), so this only guards. */
function numpyDType(d: DType): NumpyDType {
  if (d === 'float16' || d === 'bfloat16') throw new TypeError(`NumPy arrays of ${d} are not supported by Autograd Playground`);
  return d;
}

export const printing = {
  repr: (t: Tensor) => {
    syncView(t); // its grad_fn is printed
    return printTensor(t);
  },
  summary: summarize,
  format_size: (...shape: number[]) => formatSize(shape),
  format_dtype: (d: DType) => formatDType(d),
  format_float: formatPythonFloat,
  set_printoptions: (precision: number | null, threshold: number | null, edgeitems: number | null, linewidth: number | null, profile: string | null, sciMode: boolean | null) => {
    const o: Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' } = {};
    if (precision !== null && precision !== undefined) o.precision = precision;
    if (threshold !== null && threshold !== undefined) o.threshold = threshold;
    if (edgeitems !== null && edgeitems !== undefined) o.edgeitems = edgeitems;
    if (linewidth !== null && linewidth !== undefined) o.linewidth = linewidth;
    if (profile) o.profile = profile as 'default';
    if (sciMode !== null && sciMode !== undefined) o.sciMode = sciMode;
    setPrintOptions(o);
  },
  print_options: () => ({ ...printOptions }),

  np_repr: (t: Tensor) => numpyArrayRepr({ shape: t.shape, dtype: numpyDType(t.dtype), values: t.values(true) }),
  np_str: (t: Tensor) => numpyArrayStr({ shape: t.shape, dtype: numpyDType(t.dtype), values: t.values(true) }),
  np_scalar_str: (v: number, dtype: DType) => numpyScalarStr(v, numpyDType(dtype)),
  np_scalar_repr: (v: number, dtype: DType) => numpyScalarRepr(v, numpyDType(dtype)),
  np_set_printoptions: (o: Partial<NumpyPrintOptions>) => setNumpyPrintOptions(o),
  np_get_printoptions: () => ({ ...numpyPrintOptions }),
  np_reset_printoptions: resetNumpyPrintOptions,
};
