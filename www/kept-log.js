// An outage log kept in this browser, only when the person asks (IndexedDB: files of any size, never sent
// anywhere). One log is kept at a time.
const DB = 'slacalc';
const STORE = 'logs';

function database() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('the browser refused to open its storage'));
  });
}

async function request(mode, act) {
  const db = await database();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const r = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(r.result);
      tx.onerror = () => reject(tx.error ?? new Error('the browser refused to store it'));
      tx.onabort = () => reject(tx.error ?? new Error('the browser refused to store it (is it full?)'));
    });
  } finally {
    db.close();
  }
}

/**
 * Keeps a log: { name, text } or { name, file }.
 * @param {{ name: string, text?: string, file?: Blob }} log
 */
export function keepLog(log) {
  return request('readwrite', (s) => s.put({ ...log, saved: new Date().toISOString() }, 'last'));
}

/** The log kept, or undefined. @returns {Promise<{ name: string, text?: string, file?: Blob, saved: string } | undefined>} */
export async function keptLog() {
  try {
    const kept = await request('readonly', (s) => s.get('last'));
    if (kept?.file && !('name' in kept.file)) kept.file = new File([kept.file], kept.name);
    return kept;
  } catch {
    return undefined;
  }
}

/** Forgets the log kept. */
export function forgetLog() {
  return request('readwrite', (s) => s.delete('last')).catch(() => undefined);
}
