import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  QA_SECTIONS,
  qaSummaryOf,
  replay,
  timelineOf,
  type EhcpCaseEvent,
  type QaAuditRow,
  type QaSections,
} from '@ehcp/domain';
import { GOOD_SECTIONS, on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { QaSummaryQuery } from './qa-summary.query';

const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
const OPTIONAL = new Set(['C', 'D', 'G', 'H1', 'H2', 'J']);

interface Audit extends QaAuditRow {
  readonly team: string;
  readonly auditedOn: string;
}

describe('QA summary query', () => {
  let harness: ProjectionHarness;
  let qa: QaSummaryQuery;
  const audits: Audit[] = [];
  const plans: { caseId: string; team: string; issuedOn: string }[] = [];

  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_qa_summary');
    qa = new QaSummaryQuery(harness.dataSource);
    // Seeded sections for 80 cases: every grade in every section, some not applicable.
    const sections = fc.sample(
      fc.record(
        Object.fromEntries(
          QA_SECTIONS.map((s) => [
            s,
            fc.constantFrom(...GRADES, ...(OPTIONAL.has(s) ? ['not_applicable'] : [])),
          ]),
        ),
      ),
      { numRuns: 160, seed: 7 },
    ) as unknown as QaSections[];
    for (let index = 0; index < 80; index += 1) {
      const caseId = randomUUID();
      const team = ['north', 'south', 'east'][index % 3];
      const finalOn = `2025-${String(1 + (index % 12)).padStart(2, '0')}-15`;
      const events: EhcpCaseEvent[] = [
        on.requestReceived({ caseId, team, requestReceivedOn: '2024-10-01' }),
        on.assessed('2024-11-01'),
        on.toIssue('2024-12-01'),
        on.draftIssued('2024-12-05'),
        on.qaAudited('draft-audit', '2024-12-20', index % 5 === 0 ? sections[index] : GOOD_SECTIONS, 'draft'),
        on.representations('2024-12-10'),
        on.finalIssued(finalOn),
      ];
      if (index % 3 !== 1)
        events.push(
          on.qaAudited('final-audit', finalOn.replace('-15', '-25'), sections[80 + index], 'final'),
        );
      await harness.append(caseId, events);
      plans.push({ caseId, team, issuedOn: timelineOf(replay(events))!.firstFinalPlanIssuedOn! });
      for (const event of events)
        if (event.type === 'QaAuditRecorded')
          audits.push({
            caseId,
            team,
            auditedOn: event.data.auditedOn,
            sections: event.data.sections,
            overallGrade: event.data.overallGrade,
          });
    }
    await harness.project();
  }, 60_000);
  afterAll(() => harness.close());

  function domainSummary(from: string, to: string, team: string | null) {
    const inScope = <T extends { team: string }>(rows: T[]) =>
      rows.filter((row) => team === null || row.team === team);
    return qaSummaryOf(
      inScope(audits).filter((a) => a.auditedOn >= from && a.auditedOn <= to),
      inScope(plans)
        .filter((p) => p.issuedOn >= from && p.issuedOn <= to)
        .map((p) => p.caseId),
    );
  }

  it('equals the domain qaSummaryOf for a year and per team', async () => {
    for (const team of [null, 'north', 'south']) {
      const summary = await qa.summary({ from: '2025-01-01', to: '2025-12-31', teams: team ? [team] : null });
      expect(summary).toEqual(domainSummary('2025-01-01', '2025-12-31', team));
    }
    const year = await qa.summary({ from: '2025-01-01', to: '2025-12-31', teams: null });
    expect(year.audits).toBeGreaterThan(40);
    expect(year.coveragePct).toBeGreaterThan(50);
    expect(year.coveragePct).toBeLessThan(100);
  });

  it('equals the domain qaSummaryOf for any period', async () => {
    const date = fc
      .integer({ min: 0, max: 540 })
      .map((days) => new Date(Date.UTC(2024, 10, 1) + days * 86_400_000).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(date, date, async (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(await qa.summary({ from, to, teams: null })).toEqual(domainSummary(from, to, null));
      }),
      { numRuns: 30 },
    );
  });

  it('an empty period has no percentages', async () => {
    const summary = await qa.summary({ from: '2030-01-01', to: '2030-12-31', teams: null });
    expect(summary).toMatchObject({ audits: 0, goodOrBetterPct: null, coveragePct: null });
    expect(summary.sections.A).toEqual({ averageScore: null, inadequate: 0 });
  });
});
