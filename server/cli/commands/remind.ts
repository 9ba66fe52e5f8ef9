// kexiao remind [--dry-run] [--at TIME] [--json]: deliver the reminders due at TIME (default now) — through
// WeChat where configured and consented, else as in-app notices — or, with --dry-run, only list them.
// Safe to run from cron next to `kexiao serve`: claims keep every reminder to one delivery.
import { pino } from 'pino';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { createDeliverer } from '../../reminders/deliver.ts';
import { previewRun } from '../../reminders/preview.ts';
import { chineseDate } from '../../reminders/time.ts';
import { createWechatClient } from '../../wechat/client.ts';
import { wechatEnabled } from '../../wechat/config.ts';
import { fail, type CommandIO } from '../io.ts';
import { USAGE } from '../usage.ts';

const CHANNEL = { wechat: '微信', notice: '站内' } as const;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const json = args.includes('--json');
  const atIndex = args.indexOf('--at');
  const atText = atIndex >= 0 ? args[atIndex + 1] : undefined;
  const known = new Set(['--dry-run', '--json', '--at', ...(atText ? [atText] : [])]);
  if (args.some((a) => !known.has(a)) || (atIndex >= 0 && !atText)) return fail(io, 'USAGE', `用法：${USAGE.remind}`, json);
  const at = atText ? new Date(atText) : new Date();
  // A time without a zone would silently mean the server's zone.
  if (Number.isNaN(at.getTime()) || (atText && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(atText)))
    return fail(io, 'INVALID_TIME', `--at 须为带时区的时间，如 2026-08-24T09:30+08:00`, json);

  let config;
  try {
    config = loadConfig();
  } catch {
    return fail(io, 'CONFIG', '配置无效，请检查环境变量', json);
  }
  const db = await openDatabase(config.databaseUrl);
  try {
    if (dryRun) {
      const items = await previewRun(db.prisma, config, at);
      if (json) io.stdout(JSON.stringify({ at: at.toISOString(), items }, null, 2));
      else {
        io.stdout(`${at.toISOString()} 将发送 ${items.length} 条提醒${items.length ? '：' : ''}`);
        for (const i of items)
          io.stdout(`  [${CHANNEL[i.channel]}] ${i.title} ${chineseDate(i.deadline)}（提前${i.offsetDays}天） 用户 ${i.userId}`);
      }
      return 0;
    }
    // Logs go to standard error, so standard output stays the result.
    const logger = pino({ level: config.logLevel, base: undefined }, pino.destination(2));
    const wechat = wechatEnabled(config.wechat) ? createWechatClient(config.wechat) : null;
    const summary = await createDeliverer({ prisma: db.prisma, config, wechat, logger }).run(at);
    if (json) io.stdout(JSON.stringify({ at: at.toISOString(), ...summary }, null, 2));
    else
      io.stdout(
        `${at.toISOString()} 到期 ${summary.due} 条：微信 ${summary.sent}，站内 ${summary.notices}，` +
          `可能未送达 ${summary.uncertain}，稍后重试 ${summary.deferred}，已被更近提醒取代 ${summary.skipped}` +
          (summary.recovered ? `，恢复中断的发送 ${summary.recovered}` : ''),
      );
    return 0;
  } finally {
    await db.close();
  }
}
