/**
 * Provided by the esbuild plugin in scripts/build.mjs: every text file under src/python/, keyed by its
 * POSIX path relative to that folder (e.g. 'torch/nn/__init__.py'), valued by its UTF-8 text; and the binary
 * ones (the gzipped data sets under sklearn/datasets/data/) valued by their bytes in base64.
 */
declare module 'virtual:python-files' {
  const files: Readonly<Record<string, string>>;
  export default files;
  /**
   * The `.py` files' bytecode, compiled by Pyodide's CPython at build time (scripts/pyc.mjs): each `.pyc`'s
   * path relative to the same folder (e.g. 'torch/nn/__pycache__/__init__.cpython-314.pyc') → its bytes in base64.
   */
  export const bytecode: Readonly<Record<string, string>>;
  export const binaryFiles: Readonly<Record<string, string>>;
}
