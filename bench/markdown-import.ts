// bench/markdown-import: Markdown import (markdown-it onto the shared schema) of 1 MB hostile
// bodies, next to 1 MB of plain prose measured in the same run. Prints figures; asserts nothing.
//   npm run bench:markdown-import
import { convertMarkdown } from "../lib/content/markdown";
import { ADVERSARIAL } from "../tests/markdown-adversarial";
import { percentile, row } from "./stats";

const RUNS = 5;

function time(source: string): number[] {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    try {
      convertMarkdown(source);
    } catch {
      // Refused (too deep) counts as finished: the time is what matters here.
    }
    times.push(performance.now() - started);
  }
  return times;
}

const prose = "The council met on Tuesday to weigh the harbour plans. ".repeat((1024 * 1024) / 55);
time(prose); // warm-up
const proseTimes = time(prose);
const baseline = percentile(proseTimes, 50);
console.log(`Markdown import of 1 MB bodies; ratio = median against plain prose in the same run`);
console.log(row("plain prose", proseTimes));
for (const [name, source] of Object.entries(ADVERSARIAL)) {
  const times = time(source);
  const worst = Math.max(...times);
  const ratio = percentile(times, 50) / baseline;
  console.log(row(name, times, `worst ${worst.toFixed(0)} ms, ratio ${ratio.toFixed(1)}`));
}
