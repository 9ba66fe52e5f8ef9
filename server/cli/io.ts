// What a sub-command needs from the process, passed in so commands stay testable and quiet.
import { readFile } from 'node:fs/promises';

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

export const processIO: CommandIO = {
  stdout: (t) => process.stdout.write(`${t}\n`),
  stderr: (t) => process.stderr.write(`${t}\n`),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

export type Parsed = { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** Reads a JSON document from a file, or from standard input when the name is "-". */
export async function readInput(file: string, io: CommandIO): Promise<Parsed> {
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, code: 'FILE_UNREADABLE', message: code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件：${file}` };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return { ok: false, code: 'INVALID_JSON', message: `${file === '-' ? '标准输入' : file} 不是有效的 JSON` };
  }
}

/** Reports a command-level failure (exit code 2), as JSON when the caller asked for JSON. */
export function fail(io: CommandIO, code: string, message: string, json = false): number {
  if (json) io.stdout(JSON.stringify({ error: { code, message } }, null, 2));
  else io.stderr(message);
  return 2;
}
