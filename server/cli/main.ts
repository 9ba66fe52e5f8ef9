// The kexiao command. Each sub-command is a module with run() returning the exit code, loaded only when it is
// named: `score` brings the domain core and nothing else, `serve` the HTTP stack, `--help` no command at all.
// A new command: its usage line in usage.ts, one line here.
import { processIO, type CommandIO } from './io.ts';
import { USAGE } from './usage.ts';

export interface Command {
  run(args: string[], io: CommandIO): Promise<number>;
}

export const COMMANDS: Record<keyof typeof USAGE, () => Promise<Command>> = {
  score: () => import('./commands/score.ts'),
  precheck: () => import('./commands/precheck.ts'),
  extract: () => import('./commands/extract.ts'),
  serve: () => import('./commands/serve.ts'),
  remind: () => import('./commands/remind.ts'),
  batch: () => import('./commands/batch.ts'),
  worker: () => import('./commands/worker.ts'),
  queue: () => import('./commands/queue.ts'),
};

const isCommand = (name: string): name is keyof typeof COMMANDS => Object.hasOwn(COMMANDS, name);

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (name && isCommand(name)) return (await COMMANDS[name]()).run(args, io);
  const asked = !name || name === 'help' || name === '--help' || name === '-h';
  const help = ['科小助手 kexiao —— 科技型中小企业评价自测', '', '用法：', ...Object.keys(COMMANDS).map((c) => `  ${USAGE[c as keyof typeof USAGE]}`)];
  (asked ? io.stdout : io.stderr)(help.join('\n'));
  return asked ? 0 : 2;
}

process.exitCode = await main(process.argv.slice(2));
