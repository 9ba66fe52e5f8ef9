// Loading the PDF reader must leave the process as it was: JSON.parse and Array.prototype.push native (core-js inside
// pdfjs-dist would otherwise slow every request the server answers afterwards) and source maps as they were.
// Checked in fresh processes, by identity (core-js makes its replacements print as "[native code]").
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function builtinsAfter(module: string): Promise<{ parse: boolean; push: boolean; sourceMaps: boolean; withResolvers: boolean; text?: string }> {
  const script = `
    process.setSourceMapsEnabled(true);
    const { readFileSync } = await import('node:fs');
    const parse = JSON.parse, push = Array.prototype.push;
    const m = await import(${JSON.stringify(module)});
    let text;
    if (m.openPdf) {
      const pdf = await m.openPdf(readFileSync(${JSON.stringify(join(ROOT, 'test/fixtures/one-line.pdf'))}));
      text = (await pdf.words(1)).words.map((w) => w.text).join(' ');
      await pdf.close();
    }
    console.log(JSON.stringify({ parse: JSON.parse === parse, push: Array.prototype.push === push, sourceMaps: process.sourceMapsEnabled, withResolvers: typeof Promise.withResolvers === 'function', text }));`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('the PDF reader and the builtins', () => {
  it('pdf-parse alone replaces JSON.parse and Array.prototype.push (what the guard is for)', async () => {
    expect(await builtinsAfter('pdf-parse')).toMatchObject({ parse: false, push: false });
  }, 180_000);

  it('server/extract/pdf.ts puts the native ones back and source maps on, keeps what core-js adds, and still reads PDFs', async () => {
    expect(await builtinsAfter('./server/extract/pdf.ts')).toEqual({ parse: true, push: true, sourceMaps: true, withResolvers: true, text: expect.stringContaining('Hello') });
  }, 180_000);
});
