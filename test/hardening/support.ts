// What the hardening tests send the way an attacker or a broken client would: raw bytes over a socket (a body
// cut short, a client that hangs up, a request held open), multipart bodies built by hand, and what a server
// leaves on disk and in its file table afterwards.
import { readdirSync, readlinkSync } from 'node:fs';
import { connect, type Socket } from 'node:net';

export interface RawReply {
  status: number;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

export function parseReply(raw: string): RawReply {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  let text = rest.join('\r\n\r\n');
  if (headers['transfer-encoding'] === 'chunked') text = dechunk(text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body, text };
}

function dechunk(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const nl = s.indexOf('\r\n', i);
    const n = parseInt(s.slice(i, nl), 16);
    if (!n) break;
    out += s.slice(nl + 2, nl + 2 + n);
    i = nl + 2 + n + 2;
  }
  return out;
}

/** A request written by hand. `parts` are written one after another with `pauseMs` between them. */
export function rawRequest(
  url: string,
  head: string,
  parts: (string | Buffer)[],
  opts: { pauseMs?: number; hangUp?: boolean; beforeEach?: (i: number) => Promise<void> | void } = {},
): Promise<RawReply | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname);
    let got = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (got += d));
    socket.on('error', (e) => (got ? resolve(parseReply(Buffer.from(got, 'latin1').toString('utf8'))) : opts.hangUp ? resolve(null) : reject(e)));
    socket.on('close', () => resolve(got ? parseReply(Buffer.from(got, 'latin1').toString('utf8')) : null));
    socket.on('connect', async () => {
      socket.write(head);
      for (let i = 0; i < parts.length; i++) {
        if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
        await opts.beforeEach?.(i);
        socket.write(parts[i]!);
      }
      if (opts.hangUp) socket.destroy();
    });
  });
}

export const requestHead = (method: string, path: string, headers: Record<string, string | number>) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;

/** A multipart body with a file part (and optionally a `name` field before it). */
export function multipart(boundary: string, file: Buffer, opts: { filename?: string; name?: string } = {}): Buffer {
  const parts: Buffer[] = [];
  if (opts.name !== undefined)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${opts.name}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename ?? 'a.pdf'}"\r\nContent-Type: application/pdf\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return Buffer.concat(parts);
}

/** The smallest bytes the upload accepts as a PDF (its type is sniffed; reading it happens later). */
export const pdfBytes = (n = 2048) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(n, 0x20)]);

export const filesIn = (dir: string): string[] => readdirSync(dir).sort();

/** Open file descriptors of this process that point into `dir` (the in-process test server's). */
export function openHandlesIn(dir: string): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(dir) ? [target] : [];
    } catch {
      return [];
    }
  });
}

export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000, stepMs = 50): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
