// Files a person gives a page: dropped on a zone, and read piece by piece in a worker (this module is
// loaded by both; it touches no page globals).

/**
 * Makes `zone` (an element) take a dropped file, handed to `choose`, and show that one is over it.
 * @param {any} zone
 * @param {(file: File) => void} choose
 */
export function dropZone(zone, choose) {
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    choose(e.dataTransfer.files[0]);
  });
}

/**
 * Hands a file's bytes to `push` as they arrive, and `progress(bytesRead)` at most every 50 ms (for a
 * worker reading a file into the core without decoding it).
 * @param {File} file
 * @param {(bytes: Uint8Array) => void} push
 * @param {(read: number) => void} progress
 */
export async function readPieces(file, push, progress) {
  const reader = file.stream().getReader();
  let read = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    push(value);
    read += value.length;
    const now = performance.now();
    if (now - last > 50) {
      last = now;
      progress(Math.min(read, file.size));
    }
  }
}
