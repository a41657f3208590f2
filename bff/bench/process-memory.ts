import { execFileSync } from 'node:child_process';

export interface MemoryPeak {
  /** Highest resident set of the process itself, in bytes. */
  processBytes: number;
  /** Highest resident set of all its descendants together (the background-removal workers). */
  childrenBytes: number;
  /** Highest resident set of the process and its descendants together, sampled at the same moment. */
  totalBytes: number;
}

/** Resident set sizes of `pid` and its descendants, from ps: one sample. */
function sample(pid: number): { own: number; children: number } {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const descendants = new Set<number>([pid]);
  let size = 0;
  while (descendants.size !== size) {
    size = descendants.size;
    for (const [child, parent] of rows) if (descendants.has(parent)) descendants.add(child);
  }
  let own = 0;
  let children = 0;
  for (const [child, , rssKb] of rows) {
    if (child === pid) own = rssKb * 1024;
    else if (descendants.has(child)) children += rssKb * 1024;
  }
  return { own, children };
}

/** Samples a process tree's memory every `intervalMs` until stopped; returns the peaks. */
export function watchProcessMemory(pid: number, intervalMs = 200): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { processBytes: 0, childrenBytes: 0, totalBytes: 0 };
  const take = () => {
    const { own, children } = sample(pid);
    peak.processBytes = Math.max(peak.processBytes, own);
    peak.childrenBytes = Math.max(peak.childrenBytes, children);
    peak.totalBytes = Math.max(peak.totalBytes, own + children);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}
