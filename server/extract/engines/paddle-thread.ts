// Worker-thread entry of the PaddleOCR engine (started by paddle-host.ts, one thread per OCR slot). onnxruntime-node's
// session.run() is synchronous on the thread that calls it, so two slots sharing the main thread's sessions read one
// page at a time (0.98× measured); here each slot's thread has its own sessions and the pages run on both cores.
import { parentPort, workerData } from 'node:worker_threads';
import type { Box } from '../core/layout.ts';
import type { Gray } from '../image-prep.ts';
import { trimFreedMemory } from '../release-memory.ts';
import { closePaddle, paddleDirection, paddlePage, recognizeLines, warmPaddle, watchStop } from './paddle.ts';

export type ThreadRequest =
  | { id: number; op: 'warm' }
  /** `fine`: detection at the larger size (a page whose first reading was doubtful). */
  | { id: number; op: 'page'; gray: Gray; fine?: boolean }
  | { id: number; op: 'lines'; gray: Gray; boxes: Box[] }
  | { id: number; op: 'direction'; gray: Gray }
  | { id: number; op: 'close' }
  /** Ends the thread the way a crash in the native code would (tests of the replacement; nothing else sends it). */
  | { id: number; op: 'crash' };

export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error('paddle-thread.ts runs as a worker thread');
watchStop(new Int32Array((workerData as { stop: SharedArrayBuffer }).stop));

// A structured clone turns the Buffer into a plain Uint8Array: the engine only indexes it.
const gray = (g: Gray): Gray => ({ width: g.width, height: g.height, data: g.data });

port.on('message', async (m: ThreadRequest) => {
  try {
    let value: unknown;
    switch (m.op) {
      case 'warm': value = await warmPaddle(); break;
      case 'page': value = await paddlePage(gray(m.gray), m.fine); break;
      case 'lines': value = await recognizeLines(gray(m.gray), m.boxes); break;
      case 'direction': value = (await paddleDirection(gray(m.gray))) ?? null; break;
      case 'close': await closePaddle(); value = null; break;
      case 'crash': process.exit(70);
    }
    port.postMessage({ id: m.id, ok: true, value } satisfies ThreadReply);
    // The page's tensors are freed now: hand the pages back before the next call grows this thread's arena again.
    if (process.env.KEXIAO_OCR_TRIM !== '0') trimFreedMemory();
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ id: m.id, ok: false, message: err.message, stack: err.stack } satisfies ThreadReply);
  }
});
