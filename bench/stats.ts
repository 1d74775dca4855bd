/** Times `fn` `runs` times (after `warmup` untimed runs) and returns the samples in milliseconds. */
export async function sample(runs: number, fn: (i: number) => Promise<unknown>, warmup = 20): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function row(label: string, samples: number[], extra = ""): string {
  const fmt = (ms: number) => `${ms.toFixed(2).padStart(7)} ms`;
  return `${label.padEnd(34)} median ${fmt(percentile(samples, 50))}   p95 ${fmt(percentile(samples, 95))}   n=${samples.length}${extra ? `   ${extra}` : ""}`;
}
