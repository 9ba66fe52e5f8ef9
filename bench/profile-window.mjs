// Preloaded into a server by bench/profile-api.ts (node --import): SIGUSR2 starts the CPU profiler, the next
// SIGUSR2 stops it and writes the profile to $KEXIAO_PROFILE_OUT — so start-up stays out of the request profile.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
let running = false;
process.on('SIGUSR2', async () => {
  if (!running) {
    running = true;
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    return;
  }
  running = false;
  const { profile } = await post('Profiler.stop');
  writeFileSync(process.env.KEXIAO_PROFILE_OUT, JSON.stringify(profile));
});
