// pnpm bench:taxii: what a partner's TAXII client waits for, at a given scale. Starts the bench hub
// (bench/lib/hub.ts: the same databases and seed as `pnpm bench`), then times real TAXII requests
// one at a time: the first page, a walk through pages, and objects by id of every type.
import { parseCounts } from '../bench/lib/counts-cli';
import { latencyOf } from '../bench/lib/histogram';
import { startHub } from '../bench/lib/hub';
import { partnerPrincipal, tokenFor, usPrincipal } from '../bench/lib/tokens';

const HELP = `Usage: pnpm bench:taxii [--scale <n>] [--pages <n>] [--repeat <n>]

Starts the hub on PostgreSQL as "pnpm bench" does (seeding iag_bench_s<scale>_* if needed), then, as a
partner (nl-ncsc) and as a CISA analyst, times TAXII 2.1 requests one at a time and prints p50/p95 ms:
  page        a page of 100 objects, walking --pages pages (default 30) from the start
  by id       GET .../objects/{id}/ for objects of every type found on those pages, --repeat times each
                (default 3)
`;

const OBJECTS = '/taxii2/threat-intel/collections/9b0b2a4e-7d63-4a43-9f35-3b8f2f6f1c07/objects/';
const { scale, pages, repeat } = parseCounts(process.argv.slice(2), { scale: 1000, pages: 30, repeat: 3 }, HELP);

const hub = await startHub({ scale, progress: (line) => console.error(line) });
const origin = new URL(hub.gatewayUrl).origin;

async function timed(path: string, token: string) {
  const started = performance.now();
  const res = await fetch(`${origin}${path}`, { headers: { accept: 'application/taxii+json;version=2.1', authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { objects?: { id: string; type: string }[]; more?: boolean; next?: string };
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms: performance.now() - started, body };
}

const format = (label: string, values: number[]) => {
  const { p50, p95, count } = latencyOf(values);
  return `  ${label.padEnd(28)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   (${count} requests)`;
};

try {
  console.log(`TAXII 2.1 at scale ${scale}, one request at a time`);
  const callers = { 'partner nl-ncsc': partnerPrincipal('nl-ncsc', 1), 'CISA analyst': usPrincipal('cisa-analyst', 1) };
  for (const [name, principal] of Object.entries(callers)) {
    const token = await tokenFor(principal);
    await timed(`${OBJECTS}?limit=100`, token); // warms the caller's token cache and the connections
    const pageTimes: number[] = [];
    const sample = new Map<string, string[]>(); // type -> the first three ids of that type
    let next: string | undefined;
    for (let page = 0; page < pages; page++) {
      const { ms, body } = await timed(`${OBJECTS}?limit=100${next ? `&next=${encodeURIComponent(next)}` : ''}`, token);
      pageTimes.push(ms);
      for (const { id, type } of body.objects ?? []) {
        const ids = sample.get(type) ?? [];
        if (ids.length < 3) sample.set(type, [...ids, id]);
      }
      if (!body.more) break;
      next = body.next;
    }
    console.log(`${name}:`);
    console.log(format('page of 100 objects', pageTimes));
    for (const [type, ids] of [...sample].sort(([a], [b]) => a.localeCompare(b))) {
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) for (const id of ids) times.push((await timed(`${OBJECTS}${id}/`, token)).ms);
      console.log(format(`${type} by id`, times));
    }
  }
} finally {
  await hub.stop();
}
