// The PaddleOCR graphs are rewritten in memory before ONNX Runtime sees them (server/extract/engines/paddle-fuse.ts).
// What must hold: the rewrite removes the element-wise chains it claims to fuse, the fused networks compute what the
// shipped ones compute (same ONNX Runtime, same inputs), and a broken model file fails with a message, not a crash.
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { readFields, text } from '../../server/extract/engines/onnx-wire.ts';
import { PADDLE_MODELS } from '../../server/extract/engines/paddle.ts';
import { fusePaddleGraph } from '../../server/extract/engines/paddle-fuse.ts';

const opts: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ['cpu'] };

function opCounts(model: Uint8Array): Map<string, number> {
  const graph = readFields(model).find((f) => f.no === 7)!;
  const counts = new Map<string, number>();
  for (const node of readFields(model, graph.from, graph.to).filter((f) => f.no === 1)) {
    const op = readFields(model, node.from, node.to).find((f) => f.no === 4)!;
    counts.set(text(model, op), (counts.get(text(model, op)) ?? 0) + 1);
  }
  return counts;
}

/** A deterministic image-like input in [-1, 1] (the models' normalised range). */
function input(dims: number[]): ort.Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  let seed = 20261203;
  for (let i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) >>> 0; data[i] = (seed / 2 ** 32) * 2 - 1; }
  return new ort.Tensor('float32', data, dims);
}

async function outputs(model: Uint8Array, dims: number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(model, opts);
  try {
    const result = await session.run({ [session.inputNames[0]!]: input(dims) });
    return result[session.outputNames[0]!]!.data as Float32Array;
  } finally {
    await session.release();
  }
}

describe.each([
  ['detector', PADDLE_MODELS.detection, [1, 3, 96, 128]],
  ['recognizer', PADDLE_MODELS.recognition, [2, 3, 48, 200]],
] as const)('the fused %s', (_, path, dims) => {
  const shipped = new Uint8Array(readFileSync(path));
  const fused = fusePaddleGraph(shipped);

  it('has no hardswish chains left and fewer element-wise passes', () => {
    const before = opCounts(shipped), after = opCounts(fused);
    expect(before.get('Clip')).toBeGreaterThan(10);
    expect(after.get('Clip') ?? 0).toBe(0);
    // Every Clip of these models is a hardswish's; their squeeze-excite blocks have HardSigmoids of their own.
    expect(after.get('HardSigmoid')).toBe(before.get('Clip')! + before.get('HardSigmoid')!);
    expect(after.get('Div') ?? 0).toBe(before.get('Div')! - before.get('Clip')!);
    expect(after.get('Conv')).toBe(before.get('Conv'));
    const passes = (c: Map<string, number>) => ['Mul', 'Add', 'Div', 'Clip', 'HardSigmoid'].reduce((n, op) => n + (c.get(op) ?? 0), 0);
    expect(passes(after)).toBeLessThan(passes(before) / 2);
  });

  it('computes what the shipped graph computes', async () => {
    const [a, b] = [await outputs(shipped, [...dims]), await outputs(fused, [...dims])];
    expect(b.length).toBe(a.length);
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
    expect(worst).toBeLessThan(1e-4);
  }, 120_000);

  it('fails on a truncated file with a message', () => {
    expect(() => fusePaddleGraph(shipped.subarray(0, Math.floor(shipped.length / 2)))).toThrow(/ONNX 模型已截断/);
  });
});

describe('a model the rewrite does not recognise', () => {
  it('comes back unchanged', () => {
    const noGraph = Uint8Array.from([0x08, 0x07]); // ModelProto.ir_version = 7, no graph
    expect(fusePaddleGraph(noGraph)).toBe(noGraph);
  });
});
