// The kexiao command: one module per sub-command, each with its usage line and a run() returning the exit code.
import { processIO, type CommandIO } from './io.ts';
import * as score from './commands/score.ts';
import * as serve from './commands/serve.ts';
import * as remind from './commands/remind.ts';
import * as extract from './commands/extract.ts';
import * as precheck from './commands/precheck.ts';
import * as batch from './commands/batch.ts';

interface Command {
  usage: string;
  run(args: string[], io: CommandIO): Promise<number>;
}

export const COMMANDS: Record<string, Command> = { score, precheck, extract, serve, remind, batch };

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const help = ['科小助手 kexiao —— 科技型中小企业评价自测', '', '用法：', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)];
    (name && name !== 'help' && name !== '--help' ? io.stderr : io.stdout)(help.join('\n'));
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  return command.run(args, io);
}

process.exitCode = await main(process.argv.slice(2));
