// PaddleOCR's ONNX models (exported by paddle2onnx) spell every activation of their PP-LCNetV3 backbones as eight
// element-wise passes over the feature map: the learnable affine after the convolution (×s, +b), hardswish as +3,
// clip to [0, 6], ×x, ÷6, then the affine after the activation (×s, +b). ONNX Runtime fuses none of them, and each
// is a full pass over memory: without them the recognizer runs 29 % faster, the detector 18 %. This rewrites the graph in memory
// before the session is made, with the same arithmetic: affines folded into the convolutions' weights and biases,
// hardswish as x·HardSigmoid(x) (HardSigmoid with α = 1/6, β = ½ is clip(x + 3, 0, 6) / 6). The model files stay as
// the package ships them.
import { bytesField, concat, floatField, readFields, stringField, text, varintField, type Field } from './onnx-wire.ts';

interface Tensor { dims: number[]; data: Float32Array }
interface Node {
  op: string;
  inputs: string[];
  outputs: string[];
  /** The node's other fields (name, op_type, attributes, domain), copied as they are. */
  rest: Uint8Array[];
  attrs: Map<string, { f?: number; ints?: number[] }>;
  /** Constants this rewrite made, written just before the node if something still reads them. */
  before: string[];
  dead: boolean;
  changed: boolean;
  bytes: Uint8Array;
}

const FLOAT = 1;

function parseNode(bytes: Uint8Array, f: Field): Node {
  const node: Node = { op: '', inputs: [], outputs: [], rest: [], attrs: new Map(), before: [], dead: false, changed: false, bytes: bytes.subarray(f.start, f.end) };
  for (const x of readFields(bytes, f.from, f.to)) {
    if (x.no === 1) node.inputs.push(text(bytes, x));
    else if (x.no === 2) node.outputs.push(text(bytes, x));
    else {
      node.rest.push(bytes.subarray(x.start, x.end));
      if (x.no === 4) node.op = text(bytes, x);
      if (x.no === 5) {
        const a: { f?: number; ints?: number[] } = {};
        let name = '';
        for (const y of readFields(bytes, x.from, x.to)) {
          if (y.no === 1) name = text(bytes, y);
          else if (y.no === 2 && y.wire === 5) a.f = new DataView(bytes.buffer, bytes.byteOffset + y.from, 4).getFloat32(0, true);
          else if (y.no === 8) (a.ints ??= []).push(...(y.wire === 0 ? [y.value] : readPacked(bytes, y)));
        }
        node.attrs.set(name, a);
      }
    }
  }
  return node;
}

function readPacked(bytes: Uint8Array, f: Field): number[] {
  const out: number[] = [];
  let v = 0, mul = 1;
  for (let p = f.from; p < f.to; p++) {
    const b = bytes[p] as number;
    v += (b & 0x7f) * mul;
    if (b & 0x80) mul *= 128;
    else { out.push(v); v = 0; mul = 1; }
  }
  return out;
}

/** The float tensor a Constant node holds (raw_data), if it is one. */
function constantOf(bytes: Uint8Array, f: Field): Tensor | undefined {
  for (const x of readFields(bytes, f.from, f.to)) {
    if (x.no !== 5) continue;
    const t = readFields(bytes, x.from, x.to).find((y) => y.no === 5);
    if (!t) return undefined;
    const tf = readFields(bytes, t.from, t.to);
    const raw = tf.find((y) => y.no === 9);
    if (tf.find((y) => y.no === 2)?.value !== FLOAT || !raw || (raw.to - raw.from) % 4) return undefined;
    const data = new Float32Array((raw.to - raw.from) / 4);
    new Uint8Array(data.buffer).set(bytes.subarray(raw.from, raw.to));
    return { dims: tf.filter((y) => y.no === 1).flatMap((y) => (y.wire === 2 ? readPacked(bytes, y) : [y.value])), data };
  }
  return undefined;
}

function constantNode(name: string, t: Tensor): Uint8Array {
  const tensor = concat([...t.dims.map((d) => varintField(1, d)), varintField(2, FLOAT), bytesField(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength))]);
  const attr = concat([stringField(1, 'value'), bytesField(5, tensor), varintField(20, 4)]);
  return bytesField(1, concat([stringField(2, name), stringField(4, 'Constant'), bytesField(5, attr)]));
}

function encodeNode(n: Node): Uint8Array {
  return bytesField(1, concat([...n.inputs.map((s) => stringField(1, s)), ...n.outputs.map((s) => stringField(2, s)), ...n.rest]));
}

class Graph {
  readonly nodes: Node[] = [];
  readonly constants = new Map<string, Tensor>();
  readonly graphOutputs = new Set<string>();
  private fresh = 0;
  /** Tensor name → the nodes reading it, kept as inputs are rewired (a scan of every node per question is quadratic). */
  private readonly readBy = new Map<string, Set<Node>>();

  add(n: Node): void {
    this.nodes.push(n);
    for (const name of n.inputs) this.readBy.get(name)?.add(n) ?? this.readBy.set(name, new Set([n]));
  }

  setInputs(n: Node, inputs: string[]): void {
    for (const name of n.inputs) this.readBy.get(name)?.delete(n);
    n.inputs = inputs;
    for (const name of inputs) this.readBy.get(name)?.add(n) ?? this.readBy.set(name, new Set([n]));
    n.changed = true;
  }

  /** The nodes reading a tensor; a graph output counts as a reader we cannot rewrite. */
  readers(name: string): Node[] | undefined {
    if (this.graphOutputs.has(name)) return undefined;
    return [...(this.readBy.get(name) ?? [])].filter((n) => !n.dead);
  }

  soleReader(name: string, op: string): Node | undefined {
    const r = this.readers(name);
    return r?.length === 1 && r[0]!.op === op ? r[0] : undefined;
  }

  /** The scalar constant among a binary node's inputs, and the other input. */
  scalarOperand(n: Node, commutes: boolean): { value: number; other: string } | undefined {
    const [a = '', b = ''] = n.inputs;
    const tb = this.constants.get(b);
    if (tb?.data.length === 1) return { value: tb.data[0] as number, other: a };
    const ta = this.constants.get(a);
    if (commutes && ta?.data.length === 1) return { value: ta.data[0] as number, other: b };
    return undefined;
  }

  addConstant(before: Node, t: Tensor): string {
    const name = `kexiao.fused.${this.fresh++}`;
    this.constants.set(name, t);
    before.before.push(name);
    return name;
  }

  /** A Conv's weights and a copy of its bias (zeros when it has none), if both are constants. */
  convParams(conv: Node): { w: Tensor; bias: Float32Array } | undefined {
    const w = this.constants.get(conv.inputs[1] ?? '');
    if (!w || w.dims.length !== 4) return undefined;
    const out = w.dims[0] as number;
    if (conv.inputs[2] === undefined || conv.inputs[2] === '') return { w, bias: new Float32Array(out) };
    const b = this.constants.get(conv.inputs[2]);
    return b && b.data.length === out ? { w, bias: Float32Array.from(b.data) } : undefined;
  }

  setConvParams(conv: Node, w: Tensor, bias: Float32Array): void {
    this.setInputs(conv, [conv.inputs[0] as string, this.addConstant(conv, w), this.addConstant(conv, { dims: [bias.length], data: bias })]);
  }
}

function scaled(data: Float32Array, k: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = (data[i] as number) * k;
  return out;
}

/** Conv → ×s → +b (scalars, each the only reader of the one before): into the Conv's weights and bias. */
function foldAffineIntoConv(g: Graph, conv: Node): void {
  const params = g.convParams(conv);
  if (!params) return;
  let scale = 1, shift = 0;
  let last: Node = conv;
  for (;;) {
    const out = last.outputs[0] as string;
    const next = g.soleReader(out, 'Mul') ?? g.soleReader(out, 'Add');
    const k = next && g.scalarOperand(next, true);
    if (!next || !k) break;
    if (next.op === 'Mul') { scale *= k.value; shift *= k.value; } else shift += k.value;
    next.dead = true;
    last = next;
  }
  if (last === conv) return;
  const w = scaled(params.w.data, scale);
  const bias = params.bias.map((v) => v * scale + shift);
  g.setConvParams(conv, { dims: params.w.dims, data: w }, bias);
  conv.outputs = [last.outputs[0] as string];
}

/** Clip's bounds are attributes up to opset 10 and constant inputs from 11 (the detector and recognizer differ). */
function clipsTo(g: Graph, clip: Node, min: number, max: number): boolean {
  if (clip.inputs.length === 1) return clip.attrs.get('min')?.f === min && clip.attrs.get('max')?.f === max;
  const [lo, hi] = [g.constants.get(clip.inputs[1] ?? ''), g.constants.get(clip.inputs[2] ?? '')];
  return clip.inputs.length === 3 && lo?.data.length === 1 && lo.data[0] === min && hi?.data.length === 1 && hi.data[0] === max;
}

/** x + 3 → clip [0, 6] → × x → ÷ 6: hardswish, as x · HardSigmoid(x). */
function fuseHardswish(g: Graph, plus: Node): void {
  const three = g.scalarOperand(plus, true);
  if (!three || three.value !== 3) return;
  const x = three.other;
  const clip = g.soleReader(plus.outputs[0] as string, 'Clip');
  if (!clip || !clipsTo(g, clip, 0, 6)) return;
  const times = g.soleReader(clip.outputs[0] as string, 'Mul');
  if (!times || !times.inputs.includes(x)) return;
  const div = g.soleReader(times.outputs[0] as string, 'Div');
  if (!div || div.inputs[0] !== times.outputs[0] || g.scalarOperand(div, false)?.value !== 6) return;
  const sigmoid = `${plus.outputs[0] as string}.hardsigmoid`;
  const attr = (name: string, v: number) => bytesField(5, concat([stringField(1, name), floatField(2, v), varintField(20, 1)]));
  g.setInputs(plus, [x]);
  Object.assign(plus, { op: 'HardSigmoid', outputs: [sigmoid], rest: [stringField(4, 'HardSigmoid'), attr('alpha', 1 / 6), attr('beta', 0.5)] });
  g.setInputs(times, [x, sigmoid]);
  times.outputs = div.outputs;
  clip.dead = true;
  div.dead = true;
}

/**
 * y × s (→ + b) → Conv, scalars: s into the Conv's weights. A 1×1 Conv without padding takes b into its bias too
 * (b reaches every input, so each output gains b · ΣW); a padded one pads with zeros the input it is given, so
 * there y + b / s stays, one pass instead of two.
 */
function foldAffineIntoNextConv(g: Graph, mul: Node): void {
  const s = g.scalarOperand(mul, true);
  if (!s || s.value === 0) return;
  const plus = g.soleReader(mul.outputs[0] as string, 'Add');
  const b = plus ? g.scalarOperand(plus, true) : undefined;
  if (plus && !b) return;
  const last = plus ?? mul;
  const conv = g.soleReader(last.outputs[0] as string, 'Conv');
  const params = conv && conv.inputs[0] === last.outputs[0] ? g.convParams(conv) : undefined;
  if (!conv || !params) return;
  const [out = 0] = params.w.dims;
  const perOut = params.w.data.length / out;
  const pointwise = (conv.attrs.get('kernel_shape')?.ints ?? []).every((k) => k === 1) && (conv.attrs.get('pads')?.ints ?? []).every((p) => p === 0)
    && conv.attrs.get('kernel_shape') !== undefined;
  const w = scaled(params.w.data, s.value);
  const { bias } = params;
  if (b && pointwise) {
    for (let o = 0; o < out; o++) {
      let sum = 0;
      for (let i = o * perOut; i < (o + 1) * perOut; i++) sum += params.w.data[i] as number;
      bias[o] = (bias[o] as number) + b.value * sum;
    }
  }
  g.setConvParams(conv, { dims: params.w.dims, data: w }, bias);
  mul.dead = true;
  if (!plus || pointwise) {
    if (plus) plus.dead = true;
    g.setInputs(conv, [s.other, ...conv.inputs.slice(1)]);
  } else g.setInputs(plus, [s.other, g.addConstant(plus, { dims: [], data: Float32Array.of(b!.value / s.value) })]);
}

/** The model with its activations fused; a graph the rewrite does not recognise comes back as it was. */
export function fusePaddleGraph(model: Uint8Array): Uint8Array {
  const top = readFields(model);
  const graphField = top.find((f) => f.no === 7);
  if (!graphField) return model;
  const fields = readFields(model, graphField.from, graphField.to);
  const g = new Graph();
  const byField = new Map<Field, Node>();
  for (const f of fields) {
    if (f.no === 1) {
      const n = parseNode(model, f);
      byField.set(f, n);
      g.add(n);
      if (n.op === 'Constant' && n.outputs[0]) {
        const t = constantOf(model, f);
        if (t) g.constants.set(n.outputs[0], t);
      }
    } else if (f.no === 12) {
      const name = readFields(model, f.from, f.to).find((x) => x.no === 1);
      if (name) g.graphOutputs.add(text(model, name));
    }
  }
  for (const n of g.nodes) if (!n.dead && n.op === 'Conv') foldAffineIntoConv(g, n);
  for (const n of g.nodes) if (!n.dead && n.op === 'Add') fuseHardswish(g, n);
  for (const n of g.nodes) if (!n.dead && n.op === 'Mul') foldAffineIntoNextConv(g, n);
  const read = new Set(g.nodes.filter((n) => !n.dead).flatMap((n) => n.inputs));
  for (const n of g.nodes) if (n.op === 'Constant' && !read.has(n.outputs[0] as string) && !g.graphOutputs.has(n.outputs[0] as string)) n.dead = true;
  const graph = concat(fields.map((f) => {
    const n = byField.get(f);
    if (!n) return model.subarray(f.start, f.end);
    const made = n.before.filter((c) => read.has(c)).map((c) => constantNode(c, g.constants.get(c)!));
    return concat([...made, ...(n.dead ? [] : [n.changed ? encodeNode(n) : n.bytes])]);
  }));
  return concat(top.map((f) => (f === graphField ? bytesField(7, graph) : model.subarray(f.start, f.end))));
}
