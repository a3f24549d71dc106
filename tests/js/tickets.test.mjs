// Help-desk tickets through the JavaScript API: an export read piece by piece as a file arrives gives what
// the whole text gives, is measured as often as the SLA changes, and refuses what it cannot do by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import slacalc from './load-analysis.mjs';

const { tickets, TicketExport } = slacalc;
slacalc.registerTimeZone('Europe/Berlin', readFileSync(new URL('../../www/tz/Europe/Berlin.tzif', import.meta.url)));

const sla = (resolution) => ({
  goals: [{ priority: 'P2', response: '1 h', resolution, calendar: { hours: 'Mon-Fri 08:00-18:00', timeZone: 'Europe/Berlin' } }],
  pauseStates: ['Pending customer'],
  timeZone: 'Europe/Berlin',
});

test('an export read piece by piece, cut anywhere, is measured as the whole text, as often as the SLA changes', () => {
  const csv = readFileSync(new URL('../../www/examples/tickets-2026.csv', import.meta.url));
  const whole = tickets({ sla: sla('8 h'), csv: csv.toString('utf8'), list: 'all' });
  const exported = new TicketExport('Europe/Berlin');
  // Pieces of 65 537 bytes, as a file stream gives them, and one cut inside a CRLF-free line.
  for (let at = 0; at < csv.length; at += 65_537) exported.push(csv.subarray(at, Math.min(at + 65_537, csv.length)));
  assert.equal(exported.tickets > 3000, true);
  assert.deepEqual(exported.measure({ sla: sla('8 h'), list: 'all' }), whole);
  // Measured again against another goal, without reading it again: the same as the whole text with it.
  assert.deepEqual(exported.measure({ sla: sla('4 h'), period: 'quarter' }), tickets({ sla: sla('4 h'), csv: csv.toString('utf8'), period: 'quarter' }));
  exported.free();
});

test('a character or a line end cut between two pieces is read whole', () => {
  // "é" is two bytes, cut between them; "\r\n" cut between its two bytes.
  const bytes = Buffer.from('number,priority,opened_at,resolved_at,assignment_group\r\nINC1,P2,2026-03-06 16:30,2026-03-09 10:30,Réseau\r\n');
  const cutE = bytes.indexOf(Buffer.from('é')) + 1;
  const cutCrLf = bytes.indexOf(Buffer.from('\r\n')) + 1;
  const exported = new TicketExport('Europe/Berlin');
  exported.push(bytes.subarray(0, cutCrLf));
  exported.push(bytes.subarray(cutCrLf, cutE));
  exported.push(bytes.subarray(cutE));
  const r = exported.measure({ sla: sla('4 h'), list: 'all' });
  // Friday 16:30 to Monday 10:30 on Mon-Fri 08:00-18:00: 1 h 30 + 2 h 30 = 4 h, the goal: met.
  assert.equal(r.tickets[0].resolution.business.text, '4 h');
  assert.equal(r.tickets[0].resolution.stage, 'met');
  assert.equal(r.tickets[0].groups[0].group, 'Réseau');
  assert.deepEqual(r.problems, []);
});

test('an export refuses by name what it cannot do', () => {
  const utc = new TicketExport(null);
  utc.push('number,priority,opened_at\nINC1,P2,2026-03-06 16:30\n');
  // Its local times were read in UTC: an SLA in Berlin would read them an hour off.
  assert.throws(() => utc.measure({ sla: sla('4 h') }), (e) => e.field === 'sla' && e.part === 'timeZone' && /read it again in Europe\/Berlin/.test(e.message));
  const r = utc.measure({ sla: { goals: [{ priority: 'P2', resolution: '4 h' }] } });
  // Measured at its opening, the latest instant it gives: running, with no period judged yet.
  assert.deepEqual([r.tickets.length, r.tickets[0].resolution.stage, r.periods.length], [1, 'running', 0]);
  assert.throws(() => utc.push('INC2,P2,2026-03-07 10:00\n'), (e) => e.field === 'tickets' && /already measured/.test(e.message));
  const bad = new TicketExport('UTC');
  assert.throws(() => bad.push('when,what\n2026-03-02,printer\n'), (e) => e.field === 'tickets' && e.part === 'header');
  assert.throws(() => new TicketExport('Mars/Olympus'), (e) => e.field === 'calendar');
  assert.throws(() => new TicketExport('UTC').push(42), (e) => e.code === 'wrong_type' && e.field === 'tickets');
});
