// The API's form of `--docs DIR`: a zip with one folder per firm (named by credit code or row number). Entries
// are unpacked through yauzl within bounds (entry count, sizes as declared and as actually inflated), to files
// named by number — never by the entry's path, so no name can escape the folder. Names made on Chinese Windows
// (GBK, no UTF-8 flag) are decoded as such.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { folderKey, MAX_FILES_PER_FIRM, STATEMENT_FILE } from './folders.ts';
import { BatchInputError, decodeText } from './read.ts';

export interface ZipLimits {
  maxEntries: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export interface UnpackedFile {
  /** The firm key of its folder (credit code or #row). */
  key: string;
  name: string;
  path: string;
  size: number;
}

const OPTIONS = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true };
/** From memory or from a file on disk (an upload streamed there). */
const open = (source: Buffer | string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) => {
    const done = (err: Error | null, zip: yauzl.ZipFile) => (err ? reject(err) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, OPTIONS, done);
    else yauzl.fromBuffer(source, OPTIONS, done);
  });

const entryName = (e: yauzl.Entry) => {
  const raw = e.fileName as unknown as Buffer;
  // Bit 11: the name is UTF-8; otherwise it is whatever the archiver's code page was.
  return (e.generalPurposeBitFlag & 0x800 ? raw.toString('utf8') : decodeText(raw)).replace(/\\/g, '/');
};

/** Unpacks the statements of each firm folder into `dir`; files outside a firm folder are listed as skipped. */
export async function unpackDocs(source: Buffer | string, dir: string, limits: ZipLimits): Promise<{ files: UnpackedFile[]; skipped: string[] }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(source);
  } catch {
    throw new BatchInputError('BROKEN_ZIP', '报表压缩包已损坏或不是 zip 文件');
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new BatchInputError('ZIP_TOO_MANY_FILES', `报表压缩包最多${limits.maxEntries}个文件`);
  }
  await mkdir(dir, { recursive: true });
  const files: UnpackedFile[] = [];
  const skipped: string[] = [];
  const perFirm = new Map<string, number>();
  let total = 0;
  return new Promise((resolve, reject) => {
    const fail = (e: unknown) => {
      zip.close();
      reject(e);
    };
    zip.on('error', () => fail(new BatchInputError('BROKEN_ZIP', '报表压缩包已损坏，无法读取')));
    zip.on('end', () => resolve({ files, skipped }));
    zip.on('entry', (e: yauzl.Entry) => {
      const name = entryName(e);
      const parts = name.split('/').filter(Boolean);
      if (name.endsWith('/') || parts.some((p) => p.startsWith('.') || p === '__MACOSX')) return zip.readEntry();
      // A firm folder at the top, or inside one wrapping folder (zipping the folder itself).
      const folder = parts.length >= 2 ? (folderKey(parts.at(-2)!) ? parts.at(-2)! : null) : null;
      const key = folder && folderKey(folder);
      const file = parts.at(-1)!;
      if (!key || !STATEMENT_FILE.test(file) || (perFirm.get(key) ?? 0) >= MAX_FILES_PER_FIRM) {
        skipped.push(name);
        return zip.readEntry();
      }
      if (e.uncompressedSize > limits.maxFileBytes) return fail(new BatchInputError('ZIP_FILE_TOO_LARGE', `${file} 超过${Math.round(limits.maxFileBytes / 1024 / 1024)}MB`));
      total += e.uncompressedSize;
      if (total > limits.maxTotalBytes) return fail(new BatchInputError('ZIP_TOO_LARGE', `报表解压后超过${Math.round(limits.maxTotalBytes / 1024 / 1024)}MB，请分批提交`));
      zip.openReadStream(e, (err, stream) => {
        if (err) return fail(new BatchInputError('BROKEN_ZIP', `${file} 无法解压`));
        const path = join(dir, String(files.length));
        pipeline(stream, createWriteStream(path))
          .then(() => {
            files.push({ key, name: file, path, size: e.uncompressedSize });
            perFirm.set(key, (perFirm.get(key) ?? 0) + 1);
            zip.readEntry();
          })
          // validateEntrySizes: an entry that inflates past its declared size fails here.
          .catch(() => fail(new BatchInputError('BROKEN_ZIP', `${file} 解压失败（大小与声明不符或数据损坏）`)));
      });
    });
    zip.readEntry();
  });
}
