// Loading pdfjs-dist's legacy build (what pdf-parse loads, and its worker) changes the whole process on Node 20:
//  - its core-js replaces JSON.parse and Array.prototype.push with JavaScript versions (for spec corners — JSON.parse
//    source text, arrays of 2^53 elements — that pdfjs never reaches): every request the server answers afterwards,
//    and the OCR post-processing, would run several times slower (docs/performance.md);
//  - with source maps on (bin/kexiao.mjs), Node reads and parses pdfjs's 7.6 MB of source maps as the modules
//    compile and again when core-js's feature checks format Error stacks: seconds on a busy machine.
// So pdfjs is loaded through this: source maps off while it compiles and runs its module code, the two native
// functions put back afterwards. What core-js only adds (Promise.withResolvers, Uint8Array.prototype.toHex…)
// stays: pdfjs uses those.
export async function loadPdfjs<T>(load: () => Promise<T>): Promise<T> {
  const parse = JSON.parse;
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    return await load();
  } finally {
    JSON.parse = parse;
    Object.defineProperty(Array.prototype, 'push', push);
    process.setSourceMapsEnabled(sourceMaps);
  }
}
