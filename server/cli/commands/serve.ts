// kexiao serve [--port N] [--host H]: the API on the embedded defaults unless configured otherwise. SIGTERM or
// SIGINT shut it down gracefully within KEXIAO_SHUTDOWN_GRACE_S (twice that at most, then it exits anyway); a
// second signal exits at once.
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../server.ts';
import { startServerReminders } from '../../reminders/runner.ts';
import { fail, type CommandIO } from '../io.ts';

export const usage = 'kexiao serve [--port N] [--host H]    启动服务（默认 127.0.0.1:3000，可用 PORT、HOST 设置）';

export async function run(args: string[], io: CommandIO): Promise<number> {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  let config;
  try {
    config = loadConfig(process.env, {
      ...(opt('--port') !== undefined ? { port: Number(opt('--port')) } : {}),
      ...(opt('--host') !== undefined ? { host: opt('--host') } : {}),
    });
  } catch (e) {
    const detail = e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；') : '';
    return fail(io, 'USAGE', `参数或环境变量无效${detail ? `（${detail}）` : ''}。用法：${usage}`);
  }
  const running = await startServer(config);
  io.stderr(`科小助手已启动：${running.url}`);
  const reminders = startServerReminders(running.deps);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.stderr('正在停止……');
  const now = () => process.exit(1);
  process.once('SIGINT', now);
  process.once('SIGTERM', now);
  setTimeout(() => {
    io.stderr('停止超时，强制退出');
    process.exit(1);
  }, (config.shutdownGraceSeconds * 2 + 5) * 1000).unref();
  await reminders?.stop();
  await running.close();
  io.stderr('已停止');
  // Whatever a library left behind (a timer, a socket) does not keep the process alive.
  setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref();
  return 0;
}
