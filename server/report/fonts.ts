// The CJK font the report embeds: Noto Sans CJK from Debian's fonts-noto-cjk (scripts/apt-packages.txt), read
// once per process. KEXIAO_CJK_FONT_DIR points elsewhere (another distribution's folder). Nothing downloads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CjkFont {
  buffer: Buffer;
  /** The face inside the collection (a .ttc holds the SC, TC, JP and KR faces). */
  family: string;
}

const DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk'];

/** The server cannot make a report without a Chinese font: said in Chinese, with a stable code. */
export class ReportFontMissing extends Error {
  readonly code = 'REPORT_FONT_MISSING';
  constructor(looked: string[]) {
    super(`服务器缺少中文字体（Debian 软件包 fonts-noto-cjk），暂时无法生成报告。已查找：${looked.join('、')}`);
  }
}

let cached: { regular: CjkFont; bold: CjkFont } | undefined;

export function cjkFonts(): { regular: CjkFont; bold: CjkFont } {
  if (cached) return cached;
  const dirs = process.env.KEXIAO_CJK_FONT_DIR ? [process.env.KEXIAO_CJK_FONT_DIR] : DIRS;
  const dir = dirs.find((d) => existsSync(join(d, 'NotoSansCJK-Regular.ttc')));
  if (!dir) throw new ReportFontMissing(dirs);
  const bold = existsSync(join(dir, 'NotoSansCJK-Bold.ttc')) ? 'NotoSansCJK-Bold.ttc' : 'NotoSansCJK-Regular.ttc';
  cached = {
    regular: { buffer: readFileSync(join(dir, 'NotoSansCJK-Regular.ttc')), family: 'NotoSansCJKsc-Regular' },
    bold: { buffer: readFileSync(join(dir, bold)), family: bold.includes('Bold') ? 'NotoSansCJKsc-Bold' : 'NotoSansCJKsc-Regular' },
  };
  return cached;
}
