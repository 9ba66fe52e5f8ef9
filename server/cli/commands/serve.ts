// kexiao serve [--port N] [--host H]: the API on the embedded defaults unless configured otherwise. SIGTERM or
// SIGINT shut it down gracefully within KEXIAO_SHUTDOWN_GRACE_S (twice that at most, then it exits anyway); a
// second signal exits at once.
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../server.ts';
import { startServerReminders } from '../../reminders/runner.ts';
import { fail, type CommandIO } from '../io.ts';
import { stopped, untilStopSignal } from '../shutdown.ts';
import { USAGE } from '../usage.ts';

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
    return fail(io, 'USAGE', `参数或环境变量无效${detail ? `（${detail}）` : ''}。用法：${USAGE.serve}`);
  }
  const running = await startServer(config);
  io.stderr(`科小助手已启动：${running.url}`);
  const reminders = startServerReminders(running.deps);
  await untilStopSignal(io, config.shutdownGraceSeconds);
  await reminders?.stop();
  await running.close();
  stopped(io);
  return 0;
}
