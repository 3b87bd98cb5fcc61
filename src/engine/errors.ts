/**
 * The engine's errors: each carries the Python exception type PyTorch raises for the same mistake, so the
 * runtime can re-raise it in the script as that type with PyTorch's own message. No other engine module
 * throws anything else for a user mistake.
 */
/** Python exception classes the engine's errors map onto when they cross into Python. */
export type PyErrorType = 'RuntimeError' | 'IndexError' | 'ValueError' | 'TypeError' | 'NotImplementedError';

/** An error carrying the Python exception type PyTorch raises for the same mistake, and PyTorch's message. */
export class TorchError extends Error {
  constructor(public readonly pyType: PyErrorType, message: string) {
    super(message);
    this.name = pyType;
  }
}

export function runtimeError(message: string): TorchError {
  return new TorchError('RuntimeError', message);
}

export function indexError(message: string): TorchError {
  return new TorchError('IndexError', message);
}

export function valueError(message: string): TorchError {
  return new TorchError('ValueError', message);
}

export function typeError(message: string): TorchError {
  return new TorchError('TypeError', message);
}
