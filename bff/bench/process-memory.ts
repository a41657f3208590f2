import { execFile, execFileSync } from 'node:child_process';

export interface MemoryPeak {
  /** Highest resident set of the process itself, in bytes. */
  processBytes: number;
  /** Highest resident set of all its descendants together (the background-removal workers). */
  childrenBytes: number;
  /** Highest resident set of the process and its descendants together, sampled at the same moment. */
  totalBytes: number;
}

type PsRow = [pid: number, parent: number, rssKb: number];

const psArgs = ['-eo', 'pid=,ppid=,rss='];
const parseRows = (text: string): PsRow[] =>
  text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as PsRow);

/** Resident set sizes of `pid` and of its descendants, from one ps listing. */
function treeOf(rows: PsRow[], pid: number): { own: number; children: number } {
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

/**
 * Samples the memory of several process trees every `intervalMs` until stopped; returns each one's
 * peaks, in the order given. One ps a sample serves them all, and it runs asynchronously: a
 * synchronous ps a process every 200 ms held up this process's event loop, which also carries the
 * load balancer and the clients being measured.
 */
export function watchProcessesMemory(pids: number[], intervalMs = 200): { stop(): MemoryPeak[] } {
  const peaks: MemoryPeak[] = pids.map(() => ({ processBytes: 0, childrenBytes: 0, totalBytes: 0 }));
  const take = (rows: PsRow[]) => {
    pids.forEach((pid, index) => {
      const { own, children } = treeOf(rows, pid);
      const peak = peaks[index]!;
      peak.processBytes = Math.max(peak.processBytes, own);
      peak.childrenBytes = Math.max(peak.childrenBytes, children);
      peak.totalBytes = Math.max(peak.totalBytes, own + children);
    });
  };
  let isSampling = false;
  const sampleSoon = () => {
    if (isSampling) return;
    isSampling = true;
    execFile('ps', psArgs, { encoding: 'utf8' }, (error, stdout) => {
      isSampling = false;
      if (!error && timer) take(parseRows(stdout));
    });
  };
  let timer: NodeJS.Timeout | null = setInterval(sampleSoon, intervalMs);
  take(parseRows(execFileSync('ps', psArgs, { encoding: 'utf8' })));
  return {
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      take(parseRows(execFileSync('ps', psArgs, { encoding: 'utf8' })));
      return peaks;
    },
  };
}

/** The same for one process tree. */
export function watchProcessMemory(pid: number, intervalMs = 200): { stop(): MemoryPeak } {
  const watcher = watchProcessesMemory([pid], intervalMs);
  return { stop: () => watcher.stop()[0]! };
}
