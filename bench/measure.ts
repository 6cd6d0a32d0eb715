/**
 * Measuring helpers shared by the bench sections: heap after a forced GC, per-call CPU and wall
 * time, percentiles. CPU time (process.cpuUsage) is what counts on a shared machine: other
 * processes' load shows in wall time only.
 */
export const gc = (globalThis as { gc?: () => void }).gc;

/**
 * heapUsed + arrayBuffers after a full GC (garbage included when run without --expose-gc). Two
 * GCs: the first one's ArrayBuffer sweeping finishes in the background, so buffers that became
 * garbage just before (a merge's old arrays) were still counted after one (71k build: +26 MB at
 * a83ebaa, +160 MB once the tails kept their capacity until the final merge).
 */
export function heapAndBuffers(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export const MB = (b: number) => `${(b / 1e6).toFixed(0)} MB`;

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(xs: readonly number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export interface CallTimes {
  cpu: Percentiles;
  wall: Percentiles;
}

/** `runs` calls of `fn` after `warmup` unmeasured ones: CPU and wall milliseconds per call. */
export function timeCalls(fn: () => unknown, runs: number, warmup = 5): CallTimes {
  for (let i = 0; i < warmup; i++) fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { cpu: percentiles(cpu), wall: percentiles(wall) };
}

/** CPU and wall milliseconds of one call. */
export function timeOnce<T>(fn: () => T): { value: T; cpuMs: number; wallMs: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const wallMs = performance.now() - t;
  const d = process.cpuUsage(c);
  return { value, cpuMs: (d.user + d.system) / 1000, wallMs };
}
