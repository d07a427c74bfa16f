import type { SubmitReportInput } from '../generated/types.js';

/** A submission kept while there is no network, with the key that makes its replay safe. */
export interface QueuedSubmission {
  /** Sent with every attempt: the server files the report once whatever the number of attempts. */
  idempotencyKey: string;
  /** The input, `idempotencyKey` included. Holds the reporter's contact data: keep the storage on the citizen's device. */
  input: SubmitReportInput & { idempotencyKey: string };
  /** ISO 8601. */
  queuedAt: string;
  /** Attempts to send it so far. */
  attempts: number;
  /** Why the last attempt did not get through (the error's code), if it was tried. */
  lastError: string | null;
}

/**
 * Where the offline queue keeps submissions. Implement it for any store
 * (SQLite, a file, React Native's AsyncStorage); the SDK ships
 * `memoryStorage`, `webStorage` (localStorage) and `indexedDbStorage`.
 */
export interface OfflineStorage {
  /** Every kept submission, in any order. */
  list(): Promise<QueuedSubmission[]>;
  /** Adds or replaces the submission with this idempotency key. */
  put(item: QueuedSubmission): Promise<void>;
  /** Forgets it (no-op when absent). */
  remove(idempotencyKey: string): Promise<void>;
}

/** Keeps submissions in this process only (the default): they survive a lost network, not a reload. */
export function memoryStorage(): OfflineStorage {
  const items = new Map<string, QueuedSubmission>();
  return {
    list: async () => [...items.values()].map((item) => structuredClone(item)),
    put: async (item) => void items.set(item.idempotencyKey, structuredClone(item)),
    remove: async (key) => void items.delete(key),
  };
}

/** The part of the Web Storage API (`localStorage`) the adapter uses. */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Keeps submissions in `localStorage` (or any Web Storage), as one JSON
 * entry: they survive reloads. Default key `paht.offline-submissions`.
 */
export function webStorage(options: { storage?: WebStorageLike; key?: string } = {}): OfflineStorage {
  const key = options.key ?? 'paht.offline-submissions';
  const storage = () => {
    const s = options.storage ?? (globalThis as { localStorage?: WebStorageLike }).localStorage;
    if (!s) throw new TypeError('webStorage: no localStorage here; pass options.storage');
    return s;
  };
  const read = (): QueuedSubmission[] => {
    try {
      const parsed: unknown = JSON.parse(storage().getItem(key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedSubmission[]) : [];
    } catch {
      return [];
    }
  };
  const write = (items: QueuedSubmission[]) => storage().setItem(key, JSON.stringify(items));
  return {
    list: async () => read(),
    put: async (item) => write([...read().filter((i) => i.idempotencyKey !== item.idempotencyKey), item]),
    remove: async (idempotencyKey) => write(read().filter((i) => i.idempotencyKey !== idempotencyKey)),
  };
}

/**
 * Keeps submissions in IndexedDB (browsers, workers): they survive reloads,
 * and a service worker can flush them. Default database `paht-offline`,
 * object store `submissions` keyed by idempotency key.
 */
export function indexedDbStorage(options: { databaseName?: string; storeName?: string; indexedDB?: IDBFactory } = {}): OfflineStorage {
  const storeName = options.storeName ?? 'submissions';
  let opened: Promise<IDBDatabase> | null = null;
  const database = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
      if (!factory) return reject(new TypeError('indexedDbStorage: no IndexedDB here; pass options.indexedDB'));
      const request = factory.open(options.databaseName ?? 'paht-offline', 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'idempotencyKey' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await database();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = action(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  };
  return {
    list: () => run('readonly', (store) => store.getAll() as IDBRequest<QueuedSubmission[]>),
    put: async (item) => void (await run('readwrite', (store) => store.put(item))),
    remove: async (key) => void (await run('readwrite', (store) => store.delete(key))),
  };
}
