/**
 * The rows of the user's last training file, kept in IndexedDB (inside the training worker) by
 * their content hash: a reload, or a link naming that hash, trains again without the file, and
 * images are not decoded again. Only the latest file is kept; nothing leaves the machine.
 */
import { idbRequest } from '../io/idb';
import type { PointsStore, UserRows } from './trainingData';

const DB = 'subspace-lab-train';
const STORE = 'points';

interface Record_ {
  hash: string;
  points: UserRows;
}

/** The IndexedDB store of kept rows, or null where the worker has no IndexedDB. */
export function indexedDbPoints(): PointsStore | null {
  if (typeof indexedDB === 'undefined') return null;
  return {
    async get(hash) {
      const r = await idbRequest<Record_ | undefined>(DB, STORE, 'readonly', (s) => s.get('last'));
      return r && r.hash === hash ? r.points : null;
    },
    async put(hash, points) {
      await idbRequest(DB, STORE, 'readwrite', (s) => s.put({ hash, points } satisfies Record_, 'last'));
    },
  };
}
