// Starting the bench's child processes (the API, the bare server) pinned to
// a core with `taskset` when it exists, and talking to them over IPC.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Server on core 0, load generator (this process) on core 1; null when there is no taskset or one core. */
export const pinning: { server: string; generator: string } | null =
  hasTaskset() && availableParallelism() >= 2 ? { server: '0', generator: '1' } : null;

/** Moves this process (the load generator) to its own core. */
export function pinGenerator(): void {
  if (pinning) execFileSync('taskset', ['-cp', pinning.generator, String(process.pid)], { stdio: 'ignore' });
}

export interface Child<In, Out> {
  process: ChildProcess;
  /** The next message matching `accept`. */
  next<T extends Out>(accept: (message: Out) => message is T, timeoutMs?: number): Promise<T>;
  send(message: In): void;
}

/** Runs a bench module in a new Node process (TypeScript through tsx), on the server's core. */
export function startChild<In, Out>(module: string, env: Record<string, string | undefined>, nodeFlags: string[] = []): Child<In, Out> {
  const file = fileURLToPath(new URL(module, import.meta.url));
  const args = [...nodeFlags, '--conditions=@paht/source', '--import', 'tsx', file];
  const child = pinning
    ? spawn('taskset', ['-c', pinning.server, process.execPath, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    : spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const inbox: Out[] = [];
  const waiting: Array<(m: Out) => boolean> = [];
  child.on('message', (m: Out) => {
    const i = waiting.findIndex((w) => w(m));
    if (i >= 0) waiting.splice(i, 1);
    else inbox.push(m);
  });
  return {
    process: child,
    send: (message) => child.send(message as object),
    next<T extends Out>(accept: (m: Out) => m is T, timeoutMs = 600_000): Promise<T> {
      const i = inbox.findIndex(accept);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${module}: no answer in ${timeoutMs} ms`)), timeoutMs);
        const onExit = (code: number | null) => reject(new Error(`${module} exited (${code}) before answering`));
        child.once('exit', onExit);
        waiting.push((m) => {
          if (!accept(m)) return false;
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve(m);
          return true;
        });
      });
    },
  };
}

/** Resident and peak resident memory of a process, in MB (Linux /proc; null elsewhere). */
export function memoryOf(pid: number | undefined): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}
