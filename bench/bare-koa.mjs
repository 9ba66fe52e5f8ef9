// The baseline for bench/api.ts: the smallest Koa app that answers a POST, on the same machine and run.
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ctx.body = { ok: true };
});
app.listen(Number(process.argv[2]), '127.0.0.1', () => process.send?.('ready'));
