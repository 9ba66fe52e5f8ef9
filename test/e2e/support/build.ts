// Builds the H5 mini-program the journey runs against (skipped with E2E_SKIP_BUILD=1 when it is fresh).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { H5_DIR, ROOT } from './servers.ts';

export function buildH5(): void {
  const miniapp = join(ROOT, 'miniapp');
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(H5_DIR, 'index.html'))) return;
  if (!existsSync(join(miniapp, 'node_modules'))) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: miniapp, stdio: 'inherit' });
  execFileSync('npm', ['run', 'build:h5'], { cwd: miniapp, stdio: ['ignore', 'ignore', 'inherit'] });
}
