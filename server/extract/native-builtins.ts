// pdfjs-dist's legacy build, which pdf-parse loads (and its worker), carries core-js: on Node 20 it replaces JSON.parse and
// Array.prototype.push with JavaScript versions for the whole process (for spec corners — JSON.parse source text,
// arrays of 2^53 elements — that pdfjs never reaches). Every request a server answers afterwards, and the OCR
// post-processing, then runs several times slower (docs/performance.md). Imported just before pdf-parse, this
// keeps the native functions; restoreNativeBuiltins() puts them back once pdf-parse and the worker have loaded. What core-js only
// adds (Promise.withResolvers, Uint8Array.prototype.toHex…) stays: pdfjs uses those.
const parse = JSON.parse;
const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;

export function restoreNativeBuiltins(): void {
  JSON.parse = parse;
  Object.defineProperty(Array.prototype, 'push', push);
}
