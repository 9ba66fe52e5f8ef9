// The CJK font the report embeds: Noto Sans CJK from Debian's fonts-noto-cjk (scripts/apt-packages.txt), read
// once per process. KEXIAO_CJK_FONT_DIR points elsewhere (another distribution's folder). Nothing downloads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The Simplified Chinese face of a Noto Sans CJK collection, parsed once: pdfkit takes a fontkit font as it is
 * and subsets it per document, so each report no longer parses the 20 MB collection again.
 */
export type CjkFont = fontkit.Font;

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
  const face = (file: string, family: string) => fontkit.create(readFileSync(join(dir, file)), family) as CjkFont;
  cached = {
    regular: face('NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'),
    bold: bold.includes('Bold') ? face(bold, 'NotoSansCJKsc-Bold') : face(bold, 'NotoSansCJKsc-Regular'),
  };
  return cached;
}
