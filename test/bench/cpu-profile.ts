import { readFileSync } from 'node:fs';

/** What `node --cpu-prof` writes: a sampled call tree, and which node each sample hit. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfCost {
  where: string;
  percent: number;
}

/**
 * The functions that spent the most CPU themselves (self time), as shares of the busy samples
 * (idle left out; the garbage collector and native code in), over the samples taken between `from`
 * and `to` (µs of the monotonic clock, which V8's profiler and process.hrtime share on Linux).
 */
export function topSelfCosts(file: string, from: number, to: number, count = 10): { busyMs: number; costs: SelfCost[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfTime = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    const frame = frames.get(id);
    if (!frame || at < from || at > to || frame.functionName === '(idle)') return;
    const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
    const where = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
    selfTime.set(where, (selfTime.get(where) ?? 0) + delta);
    busy += delta;
  });
  const costs = [...selfTime]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([where, time]) => ({ where, percent: (100 * time) / Math.max(1, busy) }));
  return { busyMs: busy / 1000, costs };
}
