// Reads a V8 .cpuprofile and prints where the time went: self time by function and by package,
// the heaviest first. `npx tsx bench/lib/profile-summary.ts bench/profiles/<file>.cpuprofile`
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(await readFile(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const byNode = new Map<number, number>();
profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...byNode.values()].reduce((a, b) => a + b, 0);

const packageOf = (url: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.startsWith('node:') || url === '') return url || '(native / idle / gc)';
  return url.includes('/work/') ? `project: ${url.split('/').slice(-2).join('/')}` : url;
};
const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const node of profile.nodes) {
  const micros = byNode.get(node.id) ?? 0;
  if (!micros) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const name = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber}`;
  functions.set(name, (functions.get(name) ?? 0) + micros);
  packages.set(packageOf(url), (packages.get(packageOf(url)) ?? 0) + micros);
}
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(micros / 1000).toFixed(0).padStart(7)} ms ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
show('by package', packages);
show('by function (self time)', functions);
