import { createHash } from 'node:crypto';
import { caseStreamOf } from '@ehcp/domain';
import type { RecordedEvent } from '@ehcp/event-store';
import { BatchApplier, toCaseEvent, type FoldedEvent } from '../apps/projector/src/engine/batch.applier';
import type { CaseRows } from '../apps/projector/src/rebuild/replay-working-set';
import { syntheticCase } from '../libs/read-models/src/testing/synthetic-caseload';

// A probe of the rebuild's fold alone, no database (bench 3 minus its reads and writes): the bench
// seeder's synthetic cases, interleaved as it stores them, JSON round-tripped as a read gives them,
// folded in memory by BatchApplier.fold against a working set as the replay keeps it. Prints the CPU
// microseconds per event and a digest of every final row and state: a change to the fold's code must
// leave the digest as it was. Usage: node dist/bench/fold-cpu.probe.js [events] [setup|fold]. 'fold'
// skips the digest, 'setup' folds nothing: under --trace-gc-nvp, the difference of the two runs' summed
// `allocated=` is the fold's allocation.

const WINDOW = 2000;

function seededEvents(target: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let index = 0;
  while (events.length < target) {
    const window: { stream: string; events: ReturnType<typeof syntheticCase> }[] = [];
    while (
      window.length < WINDOW &&
      events.length + window.reduce((n, c) => n + c.events.length, 0) < target
    ) {
      const caseId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
      window.push({ stream: caseStreamOf(caseId), events: syntheticCase(caseId, index) });
      index += 1;
    }
    const longest = Math.max(...window.map((c) => c.events.length));
    for (let revision = 0; revision < longest; revision += 1)
      for (const seeded of window) {
        const event = seeded.events[revision];
        if (!event) continue;
        events.push({
          streamName: seeded.stream,
          revision: BigInt(revision),
          id: String(events.length),
          type: event.type,
          data: JSON.parse(JSON.stringify(event.data)),
          metadata: {},
          position: String(events.length),
          recordedAt: new Date(0),
        });
      }
  }
  return events;
}

function main(): void {
  const target = Number(process.argv[2] ?? 100_000);
  const events = seededEvents(target);
  if (process.argv[3] === 'setup') return;
  // No store: only a state of an older CASE_STATE_VERSION is re-folded from it, and all are new here.
  const applier = new BatchApplier('legal', undefined as never);
  const tables = applier.projectedTables.length;
  const cases = new Map<string, CaseRows>();
  const cpu = process.cpuUsage();
  let checksum = 0;
  for (const recorded of events) {
    const caseEvent = toCaseEvent(recorded);
    let rows = cases.get(caseEvent.caseId);
    if (!rows) {
      rows = { state: undefined, tables: Array.from({ length: tables }, () => new Map()) };
      cases.set(caseEvent.caseId, rows);
    }
    const caseRows = rows;
    const folded: FoldedEvent = applier.fold(caseEvent, caseRows.state, (i) => caseRows.tables[i].values());
    for (const { projection, changes } of folded.changes) {
      const table = caseRows.tables[projection];
      const key = applier.projectedTables[projection].key;
      for (const deleted of changes.deletes) table.delete(deleted);
      for (const row of changes.upserts) table.set(String(row[key]), row);
      checksum += changes.upserts.length + changes.deletes.length + changes.alerts.length;
    }
    caseRows.state = folded.state;
  }
  const used = process.cpuUsage(cpu);
  const micros = (used.user + used.system) / events.length;
  console.log(`fold: ${events.length} events, ${micros.toFixed(1)} µs CPU/event, changes ${checksum}`);
  if (process.argv[3] === 'fold') return;
  // Every final row and state, hashed: two versions of the fold must agree to the byte.
  const hash = createHash('sha256');
  for (const [caseId, rows] of cases) {
    hash.update(caseId + JSON.stringify(rows.state));
    for (const table of rows.tables) for (const [key, row] of table) hash.update(key + JSON.stringify(row));
  }
  console.log(`digest: ${hash.digest('hex')}`);
}

main();
