// Writes a synthetic outage log of N rows (default 1 000 000) for the log benchmarks: a year of outages,
// some overlapping, some partial, some planned, in random order. Deterministic. `separateLog` writes the
// hardest case for measuring: N one-second outages that never touch, 30 s apart, in order.

export function separateLog(n = 1_000_000) {
  const t0 = Date.UTC(2026, 0, 1) / 1000;
  const iso = (s) => new Date(s * 1000).toISOString().slice(0, 19) + 'Z';
  const rows = ['start,end'];
  for (let i = 0; i < n; i++) rows.push(`${iso(t0 + 30 * i)},${iso(t0 + 30 * i + 1)}`);
  return `${rows.join('\n')}\n`;
}

export function makeLog(n = 1_000_000) {
  return [...logPieces(n, n)].join('');
}

/** The log of `makeLog(n)` as pieces of text of `rows` rows each, the header in the first. */
export function* logPieces(n = 1_000_000, rows = 100_000) {
  let seed = 0x9e3779b97f4a7c15n;
  const next = () => {
    seed ^= (seed << 13n) & 0xffffffffffffffffn;
    seed ^= seed >> 7n;
    seed ^= (seed << 17n) & 0xffffffffffffffffn;
    return Number(seed & 0xffffffffn);
  };
  const t0 = Date.UTC(2026, 0, 1) / 1000;
  const iso = (s) => new Date(s * 1000).toISOString().slice(0, 19) + 'Z';
  let piece = ['start,end,impact,planned'];
  for (let i = 0; i < n; i++) {
    const start = t0 + (next() % (365 * 86400));
    const length = 30 + (next() % 600);
    const impact = next() % 10 === 0 ? '50%' : 'full';
    const planned = next() % 50 === 0 ? 'yes' : 'no';
    piece.push(`${iso(start)},${iso(start + length)},${impact},${planned}`);
    if (piece.length >= rows) {
      yield `${piece.join('\n')}\n`;
      piece = [];
    }
  }
  if (piece.length) yield `${piece.join('\n')}\n`;
}

// As a command (node bench/make-log.mjs FILE [N] [separate]); in a page, only the functions.
if (globalThis.process?.argv?.[2]) {
  const { writeFileSync } = await import('node:fs');
  const n = Number(process.argv[3] ?? 1_000_000);
  const text = process.argv[4] === 'separate' ? separateLog(n) : makeLog(n);
  writeFileSync(process.argv[2], text);
  console.log(`wrote ${process.argv[2]}: ${(text.length / 1e6).toFixed(1)} MB`);
}
