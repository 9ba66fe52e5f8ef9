// `--docs DIR`: one folder per firm, named by its 统一社会信用代码 or its row number (a name may follow:
// "91350100M000100Y 某某科技", "第5行", "5"). Each file in it is a statement (PDF, PNG, JPEG) or an
// extraction already made (kexiao extract --json output, *.json). Matching is pure; reading is in the CLI.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedFirm } from './sheet.ts';

export const STATEMENT_FILE = /\.(pdf|png|jpe?g|json)$/i;
/** As many statements as a pre-check takes (PrecheckInputSchema.documents). */
export const MAX_FILES_PER_FIRM = 20;

/** The key a folder name gives: a credit code at its start, else a row number. */
export function folderKey(name: string): string | null {
  const t = name.normalize('NFKC').trim().toUpperCase();
  const code = /^([0-9A-HJ-NPQRTUWXY]{18})(?![0-9A-Z])/.exec(t);
  if (code) return code[1]!;
  const row = /^(?:第|行|ROW)?\s*(\d{1,6})\s*(?:行)?(?:\D.*)?$/.exec(t);
  return row ? `#${Number(row[1])}` : null;
}

export interface FirmFolders {
  /** The firm's folder, by credit code first, then by row. */
  folderOf(firm: ParsedFirm): string | null;
  /** Folders that matched no firm of the batch (listed in the summary). */
  unmatched(firms: readonly ParsedFirm[]): string[];
}

export async function firmFolders(dir: string): Promise<FirmFolders> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  const byKey = new Map<string, string>();
  const names: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    names.push(e.name);
    const key = folderKey(e.name);
    if (key && !byKey.has(key)) byKey.set(key, join(dir, e.name));
  }
  const folderOf = (f: ParsedFirm) => (f.creditCode && byKey.get(f.creditCode)) || byKey.get(`#${f.row}`) || null;
  return {
    folderOf,
    unmatched(firms) {
      const used = new Set(firms.map(folderOf).filter(Boolean));
      return names.filter((n) => !used.has(join(dir, n)));
    },
  };
}

/** The statement files of a folder, in name order, at most MAX_FILES_PER_FIRM (the rest are reported). */
export async function statementFiles(folder: string): Promise<{ files: string[]; skipped: string[] }> {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'zh'));
  const usable = names.filter((n) => STATEMENT_FILE.test(n));
  return {
    files: usable.slice(0, MAX_FILES_PER_FIRM).map((n) => join(folder, n)),
    skipped: [...names.filter((n) => !STATEMENT_FILE.test(n)), ...usable.slice(MAX_FILES_PER_FIRM)],
  };
}
