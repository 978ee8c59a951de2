/** One IndexedDB request in its own transaction, on a database with one object store (created at version 1). */

/** Opens `db`, runs `act` on `store` in a `mode` transaction, and resolves with the request's result once the transaction completes. */
export function idbRequest<T>(db: string, store: string, mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(db, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(store);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(store, mode);
      const req = act(tx.objectStore(store));
      tx.oncomplete = () => {
        open.result.close();
        resolve(req.result);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
