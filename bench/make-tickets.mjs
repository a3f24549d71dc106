// Writes a ticket export for the benchmarks: N tickets over 2026 as a state history (a line per change of
// state or group), UTC instants, the same file every time (a seeded generator). Each ticket opens New with
// the Service Desk; a third go to another group; a quarter wait On hold; each is Resolved, with a score.
//   node bench/make-tickets.mjs FILE N
// The benchmark's page imports ticketsCsv to make the same text in the browser.

/** The export of `count` tickets, as text. */
export function ticketsCsv(count) {
  let seed = 12345;
  const r = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed;
  };
  const t0 = Date.UTC(2026, 0, 1) / 1000;
  const iso = (s) => `${new Date(s * 1000).toISOString().slice(0, 19)}Z`;
  const out = ['number,priority,time,state,assignment_group,score'];
  const groups = ['Service Desk', 'Network', 'Database', 'Desktop'];
  for (let i = 0; i < count; i++) {
    const open = t0 + (r() % (360 * 86400));
    const p = `P${1 + ((r() >>> 8) % 4)}`;
    const id = `INC${String(i).padStart(7, '0')}`;
    out.push(`${id},${p},${iso(open)},New,Service Desk,`);
    let t = open + 600 + (r() % 7200);
    if (r() % 3 === 0) {
      out.push(`${id},,${iso(t)},,${groups[1 + (r() % 3)]},`);
      t += 600 + (r() % 20000);
    }
    if (r() % 4 === 0) {
      out.push(`${id},,${iso(t)},On hold,,`);
      t += 600 + (r() % 80000);
      out.push(`${id},,${iso(t)},In progress,,`);
      t += 600 + (r() % 10000);
    }
    out.push(`${id},,${iso(t)},Resolved,,${r() % 11}`);
  }
  return `${out.join('\n')}\n`;
}

if (globalThis.process?.argv[1]?.endsWith('make-tickets.mjs')) {
  const { writeFileSync } = await import('node:fs');
  const [path, count] = [process.argv[2], Number(process.argv[3] ?? 1_000_000)];
  const text = ticketsCsv(count);
  writeFileSync(path, text);
  console.log(`${count} tickets, ${text.length} bytes in ${path}`);
}
