// The real type of an upload, from its first bytes: a renamed .exe is not a PDF because its name says so.
export type FileType = 'pdf' | 'png' | 'jpeg';

export function sniffType(bytes: Uint8Array): FileType | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  // %PDF- may follow a little junk (some scanners prepend bytes); readers accept it within the first 1 KB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  return undefined;
}
