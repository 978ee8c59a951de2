/**
 * The rows of the user's last training file, kept in IndexedDB (inside the training worker) by
 * their content hash: a reload, or a link naming that hash, trains again without the file, and
 * images are not decoded again. Only the latest file is kept; nothing leaves the machine.
 */
import type { PointsStore, UserRows } from './trainingData';

const DB = 'subspace-lab-train';
const STORE = 'points';

interface Record_ {
  hash: string;
  points: UserRows;
}

function withStore<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(STORE, mode);
      const req = act(tx.objectStore(STORE));
      tx.oncomplete = () => {
        open.result.close();
        resolve(req ? req.result : undefined);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** The IndexedDB store of kept rows, or null where the worker has no IndexedDB. */
export function indexedDbPoints(): PointsStore | null {
  if (typeof indexedDB === 'undefined') return null;
  return {
    async get(hash) {
      const r = (await withStore<Record_ | undefined>('readonly', (s) => s.get('last'))) as Record_ | undefined;
      return r && r.hash === hash ? r.points : null;
    },
    async put(hash, points) {
      await withStore('readwrite', (s) => {
        s.put({ hash, points } satisfies Record_, 'last');
      });
    },
  };
}
