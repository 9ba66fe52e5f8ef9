// kexiao serve [--port N] [--host H]: the API on the embedded defaults unless configured otherwise.
import { loadConfig } from '../../config.ts';
import { startServer } from '../../server.ts';
import { startServerReminders } from '../../reminders/runner.ts';
import { fail, type CommandIO } from '../io.ts';
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
  } catch {
    return fail(io, 'USAGE', `参数无效。用法：${USAGE.serve}`);
  }
  const running = await startServer(config);
  io.stderr(`科小助手已启动：${running.url}`);
  const reminders = startServerReminders(running.deps);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await reminders?.stop();
  await running.close();
  return 0;
}
