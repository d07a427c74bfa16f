// Printing the bench's figures: one table per engine, then the engines side by side.

export interface Row {
  engine: string;
  key: string;
  name: string;
  bytes: number;
  rps: number;
  p50: number;
  p99: number;
  rssMb: number | null;
  /** Server CPU time per request (user + system), ms: the cost, whatever else runs on the machine. */
  cpuMs: number;
  /** The PostgreSQL server's CPU time per request (all its processes), ms; null on PGlite or a remote server. */
  dbCpuMs: number | null;
  bareCpuMs: number;
  bareRps: number;
  bareP99: number;
  failed: number;
  note: string;
}

const num = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function printEngine(engine: string, rows: Row[]): void {
  console.log(`\n${engine}`);
  console.log(`  ${pad('case', 42)} ${lpad('req/s', 8)} ${lpad('p50 ms', 7)} ${lpad('p99 ms', 7)} ${lpad('RSS MB', 7)} ${lpad('bare req/s', 11)} ${lpad('bare p99', 9)} ${lpad('ratio', 6)} ${lpad('CPU ms/req', 11)} ${lpad('bare CPU', 9)} ${lpad('CPU ratio', 10)} ${lpad('DB CPU', 7)}  bytes, notes`);
  for (const r of rows) {
    console.log(
      `  ${pad(r.name, 42)} ${lpad(num(r.rps), 8)} ${lpad(String(r.p50), 7)} ${lpad(String(r.p99), 7)} ${lpad(r.rssMb === null ? '–' : num(r.rssMb), 7)} ${lpad(num(r.bareRps), 11)} ${lpad(String(r.bareP99), 9)} ${lpad((r.rps / r.bareRps).toFixed(3), 6)} ${lpad(r.cpuMs.toFixed(2), 11)} ${lpad(r.bareCpuMs.toFixed(3), 9)} ${lpad((r.bareCpuMs / r.cpuMs).toFixed(3), 10)} ${lpad(r.dbCpuMs === null ? '–' : r.dbCpuMs.toFixed(2), 7)}  ${r.bytes} B${r.failed ? `, ${r.failed} failed` : ''}${r.note ? `, ${r.note}` : ''}`,
    );
  }
}

/** Markdown, for docs/performance.md: req/s, p99 and ratio per engine. */
export function printSideBySide(rows: Row[]): void {
  const engines = [...new Set(rows.map((r) => r.engine))];
  const keys = [...new Set(rows.map((r) => r.key))];
  console.log(`\n| case | ${engines.map((e) => `${e} req/s | p50 / p99 ms | ratio | CPU ms/req | CPU ratio`).join(' | ')} |`);
  console.log(`|---|${engines.map(() => '---:|---:|---:|---:|---:').join('|')}|`);
  for (const key of keys) {
    const cells = engines.map((e) => {
      const r = rows.find((x) => x.engine === e && x.key === key);
      return r ? `${num(r.rps)} | ${r.p50} / ${r.p99} | ${(r.rps / r.bareRps).toFixed(3)} | ${r.cpuMs.toFixed(2)} | ${(r.bareCpuMs / r.cpuMs).toFixed(3)}` : '– | – | – | – | –';
    });
    console.log(`| ${rows.find((r) => r.key === key)!.name} | ${cells.join(' | ')} |`);
  }
}
