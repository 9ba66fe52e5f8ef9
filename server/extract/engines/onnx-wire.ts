// The little of ONNX's protobuf encoding that paddle-fuse.ts needs to rewrite a model's graph in memory: the fields
// of a message as byte ranges (so what is not rewritten is copied byte for byte), and the writing of new fields.
// Field numbers are onnx.proto's (ModelProto.graph = 7, GraphProto.node = 1, NodeProto.input = 1, …).

export interface Field { no: number; wire: number; start: number; end: number; value: number; from: number; to: number }

/** The fields of the message in bytes[from, to): varints carry `value`, the others the byte range [from, to). */
export function readFields(bytes: Uint8Array, from = 0, to = bytes.length): Field[] {
  const out: Field[] = [];
  let p = from;
  const varint = (): number => {
    let v = 0, mul = 1;
    for (;;) {
      if (p >= to) throw new Error('ONNX 模型已截断');
      const b = bytes[p++] as number;
      v += (b & 0x7f) * mul;
      if (!(b & 0x80)) return v;
      mul *= 128;
    }
  };
  while (p < to) {
    const start = p;
    const key = varint();
    const no = Math.floor(key / 8), wire = key & 7;
    let value = 0, a = p, b = p;
    if (wire === 0) { value = varint(); a = b = p; }
    else if (wire === 2) { const len = varint(); a = p; b = p + len; }
    else if (wire === 5) b = p + 4;
    else if (wire === 1) b = p + 8;
    else throw new Error(`ONNX 模型无法解析（wire type ${wire}）`);
    if (b > to) throw new Error('ONNX 模型已截断');
    p = b;
    out.push({ no, wire, start, end: p, value, from: a, to: b });
  }
  return out;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
export const text = (bytes: Uint8Array, f: Field): string => decoder.decode(bytes.subarray(f.from, f.to));

function varint(v: number): number[] {
  const out: number[] = [];
  while (v >= 0x80) { out.push((v % 128) | 0x80); v = Math.floor(v / 128); }
  out.push(v);
  return out;
}

export const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};

export const bytesField = (no: number, body: Uint8Array): Uint8Array => concat([Uint8Array.from([...varint(no * 8 + 2), ...varint(body.length)]), body]);
export const stringField = (no: number, s: string): Uint8Array => bytesField(no, encoder.encode(s));
export const varintField = (no: number, v: number): Uint8Array => Uint8Array.from([...varint(no * 8), ...varint(v)]);
export const floatField = (no: number, v: number): Uint8Array => {
  const out = new Uint8Array([...varint(no * 8 + 5), 0, 0, 0, 0]);
  new DataView(out.buffer).setFloat32(out.length - 4, v, true);
  return out;
};
