// Reading a V8 .cpuprofile (node --cpu-prof): where the time went, by area and as a top-down flame graph in text,
// plus the folded stacks (one "a;b;c count" line per stack) that flame graph tools draw.

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** The area a frame belongs to: a package, one of our folders, Node's internals, or V8's own work. */
export function areaOf(f: CallFrame): string {
  if (!f.url) {
    if (/^\((idle|program|garbage collector)\)$/.test(f.functionName)) return f.functionName;
    if (/^(parse|stringify)$/.test(f.functionName)) return `JSON.${f.functionName}`;
    return 'V8 builtins';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url);
  if (pkg) return pkg[1]!.startsWith('@prisma/') || pkg[1] === 'prisma' ? 'prisma' : pkg[1]!;
  const ours = /\/(?:dist\/)?server\/([^/]+)\//.exec(f.url);
  if (ours) return `server/${ours[1]}`;
  if (f.url.startsWith('node:')) return /node:internal\/(http|_http|streams?|net|stream_base)/.test(f.url) || /_http_|net\b/.test(f.url) ? 'node http/net' : 'node other';
  return 'other';
}

const frameName = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*\/(node_modules|server|dist)\//, '$1/')}:${f.lineNumber + 1}` : ''}`.trim();

export function analyse(p: CpuProfile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Sample time per node, from the deltas (more exact than hitCount × interval).
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i + 1] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;

  const area = new Map<string, number>();
  for (const [id, t] of self) {
    const a = areaOf(byId.get(id)!.callFrame);
    if (a !== '(idle)') area.set(a, (area.get(a) ?? 0) + t);
  }
  const fn = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName !== '(idle)') fn.set(frameName(f), (fn.get(frameName(f)) ?? 0) + t);
  }

  const stackOf = (id: number): number[] => {
    const s: number[] = [];
    for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) s.unshift(c);
    return s.slice(1); // without (root)
  };
  const folded = new Map<string, number>();
  for (const [id, t] of self) {
    const key = stackOf(id).map((i) => frameName(byId.get(i)!.callFrame).replace(/;/g, ',')).join(';');
    folded.set(key, (folded.get(key) ?? 0) + t);
  }

  // Inclusive time of every node, for the text flame graph (children merged by name).
  interface Tree { name: string; time: number; children: Map<string, Tree> }
  const root: Tree = { name: 'all', time: 0, children: new Map() };
  for (const [stack, t] of folded) {
    if (stack.startsWith('(idle)')) continue;
    let node = root;
    node.time += t;
    for (const name of stack.split(';')) {
      let next = node.children.get(name);
      if (!next) node.children.set(name, (next = { name, time: 0, children: new Map() }));
      next.time += t;
      node = next;
    }
  }
  return { total, busy, idle, area, fn, folded, root };
}

const pct = (t: number, of: number) => `${((t / of) * 100).toFixed(1).padStart(5)} %`;

/** A report in text: areas, heaviest functions, and the top-down tree down to `cut` of the busy time. */
export function report(p: CpuProfile, { top = 20, cut = 0.02, depth = 40 } = {}): string {
  const a = analyse(p);
  const out = [`busy ${(a.busy / 1e3).toFixed(0)} ms of ${(a.total / 1e3).toFixed(0)} ms sampled`, '', 'self time by area:'];
  for (const [k, t] of [...a.area].sort((x, y) => y[1] - x[1])) if (t / a.busy >= 0.005) out.push(`  ${pct(t, a.busy)}  ${k}`);
  out.push('', `heaviest functions (self time):`);
  for (const [k, t] of [...a.fn].sort((x, y) => y[1] - x[1]).slice(0, top)) out.push(`  ${pct(t, a.busy)}  ${k}`);
  out.push('', `top-down (inclusive, ≥ ${cut * 100} % of busy time):`);
  type Tree = ReturnType<typeof analyse>['root'];
  const walk = (n: Tree, indent: number) => {
    for (const c of [...n.children.values()].sort((x, y) => y.time - x.time)) {
      if (c.time / a.busy < cut || indent > depth) continue;
      // Single-child chains are folded into one line to keep the tree readable.
      let chain = c;
      const names = [c.name];
      while (chain.children.size === 1 && indent + names.length < depth) {
        const only = [...chain.children.values()][0]!;
        if (only.time / a.busy < cut) break;
        if (only.time < chain.time * 0.9) break;
        names.push(only.name);
        chain = only;
      }
      out.push(`${'  '.repeat(indent)}${pct(c.time, a.busy)}  ${names.length > 3 ? `${names[0]} → … → ${names.at(-1)}` : names.join(' → ')}`);
      walk(chain, indent + 1);
    }
  };
  walk(a.root, 1);
  return out.join('\n');
}

/** Folded stacks ("frame;frame;frame microseconds"), the input flame graph tools take. */
export function foldedStacks(p: CpuProfile): string {
  return [...analyse(p).folded].filter(([k]) => !k.startsWith('(idle)')).map(([k, t]) => `${k} ${t}`).join('\n') + '\n';
}

/** An SVG flame graph (root at the bottom, width = time) of the busy samples; hover a frame for its name and share. */
export function flameSvg(p: CpuProfile, title: string, width = 1400): string {
  const { root, busy } = analyse(p);
  type Tree = typeof root;
  const rowH = 16;
  let maxDepth = 0;
  const rects: string[] = [];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const place = (n: Tree, x: number, depth: number) => {
    maxDepth = Math.max(maxDepth, depth);
    let cx = x;
    for (const c of [...n.children.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      const w = (c.time / busy) * width;
      if (w >= 0.5) {
        const area = areaOf({ functionName: c.name.split(' ')[0]!, url: c.name.split(' ')[1] ?? '', lineNumber: 0 });
        const hue = area.startsWith('server/') ? 30 : area === 'prisma' ? 200 : area.startsWith('node') ? 120 : area.startsWith('JSON') ? 280 : area === 'zod' ? 340 : 50;
        rects.push(
          `<g><title>${esc(c.name)} — ${((c.time / busy) * 100).toFixed(2)} %</title><rect x="${cx.toFixed(1)}" y="${depth}" width="${w.toFixed(1)}" height="${rowH - 1}" fill="hsl(${hue},70%,${60 + (c.name.length % 20)}%)"/>` +
            (w > 40 ? `<text x="${(cx + 3).toFixed(1)}" y="${depth}" dy="11" font-size="10">${esc(c.name.slice(0, Math.floor(w / 6)))}</text>` : '') +
            '</g>',
        );
        place(c, cx, depth + 1);
      }
      cx += w;
    }
  };
  place(root, 0, 1);
  const height = (maxDepth + 2) * rowH;
  // Depths were placeholders: flip so the root sits at the bottom.
  const body = rects.map((r) => r.replace(/ y="(\d+)"/g, (_, d) => ` y="${height - (Number(d) + 1) * rowH}"`)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 20}" font-family="monospace"><text x="4" y="14" font-size="12">${esc(title)}</text>\n${body}\n</svg>\n`;
}
