/**
 * Provided by the esbuild plugin in scripts/build.mjs: every file under src/python/, keyed by its
 * POSIX path relative to that folder (e.g. 'torch/nn/__init__.py'), valued by its UTF-8 text.
 */
declare module 'virtual:python-files' {
  const files: Readonly<Record<string, string>>;
  export default files;
}
