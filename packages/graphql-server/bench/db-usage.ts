// CPU time of a local PostgreSQL server (Linux /proc): the postmaster and
// every process it started (backends, WAL writer, checkpointer…), user +
// system, those that ended included (the postmaster's reaped children). Found from one backend's parent. Null when /proc is not there or
// the server is elsewhere (its processes are not ours to see).
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MICROS = 1e6 / 100; // USER_HZ is 100 on Linux

function stat(pid: string): { ppid: number; cpu: number; reaped: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state ppid … utime(14) stime(15).
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime, stime; then cutime, cstime: the children it has reaped (backends that ended).
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * TICK_MICROS, reaped: (Number(fields[13]) + Number(fields[14])) * TICK_MICROS };
  } catch {
    return null;
  }
}

/** Reads the CPU time of the server one backend (`backendPid`) belongs to. */
export function postgresCpu(backendPid: number): () => number | undefined {
  const postmaster = stat(String(backendPid))?.ppid;
  return () => {
    if (!postmaster) return undefined;
    const main = stat(String(postmaster));
    if (!main) return undefined;
    let total = main.cpu + main.reaped;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const s = stat(pid);
      if (s?.ppid === postmaster) total += s.cpu;
    }
    return total;
  };
}
