// The part of the WebAssembly JS API the engine and the host use. TypeScript declares it only in lib.dom,
// which the Node-side projects leave out (@types/node 20 has no WebAssembly namespace).
declare namespace WebAssembly {
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  function validate(bytes: Uint8Array): boolean;
}
