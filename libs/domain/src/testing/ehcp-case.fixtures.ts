import type { EhcpCaseCommand } from '../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { on } from './case-events';

// Commands and histories for the decider specifications, along the worked case of ./case-events.

export const TODAY = '2027-12-31';

type CommandOf<T extends EhcpCaseCommand['type']> = Extract<EhcpCaseCommand, { type: T }>;

/** A typed command with `today` defaulting to TODAY. */
export function command<T extends EhcpCaseCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  today: string = TODAY,
): CommandOf<T> {
  return { type, data, today } as CommandOf<T>;
}

/** Event histories that bring a case to each stage along the worked case. */
export const history = {
  requested: [on.requestReceived()],
  assessing: [on.requestReceived(), on.assessed()],
  refused: [on.requestReceived(), on.refused()],
  drafting: [on.requestReceived(), on.assessed(), on.adviceRequested(), on.adviceReceived(), on.toIssue()],
  notIssued: [on.requestReceived(), on.assessed(), on.notToIssue()],
  draftIssued: [
    on.requestReceived(),
    on.assessed(),
    on.adviceRequested(),
    on.adviceReceived(),
    on.toIssue(),
    on.draftIssued(),
  ],
  planMaintained: [
    on.requestReceived(),
    on.assessed(),
    on.adviceRequested(),
    on.adviceReceived(),
    on.toIssue(),
    on.draftIssued(),
    on.representations(),
    on.finalIssued(),
  ],
  get ceased(): EhcpCaseEvent[] {
    return [...this.planMaintained, on.ceased()];
  },
  get closed(): EhcpCaseEvent[] {
    return [...this.requested, on.closed('2025-09-10')];
  },
  /** (2nd ed.) The plan of 12 Jan 2026: re-assessment requested by the parent on 1 Sep 2026 (reg 24). */
  get reassessmentRequested(): EhcpCaseEvent[] {
    return [...this.planMaintained, on.reassessmentRequested('rea-1', '2026-09-01')];
  },
  /** (2nd ed.) ... and decided "reassess" on 14 Sep 2026 (reg 25): stage `reassessing`. */
  get reassessing(): EhcpCaseEvent[] {
    return [...this.reassessmentRequested, on.reassessmentDecided('rea-1', 'reassess', '2026-09-14')];
  },
  /** (2nd ed.) ... advice requested 15 Sep, the re-assessment's draft served on Mon 2 Nov 2026. */
  get reassessmentDraftIssued(): EhcpCaseEvent[] {
    return [...this.reassessing, on.adviceRequested('adv-2', '2026-09-15'), on.draftIssued('2026-11-02')];
  },
  // (2nd ed.) Appeals and mediation: the refusal of 6 Oct 2025 appealed on 1 Nov 2025.
  get appealed(): EhcpCaseEvent[] {
    return [...this.refused, on.appealLodged('app-1', 'refusal_to_assess', '2025-11-01')];
  },
  /** The Tribunal orders the LA to assess on Mon 2 Mar 2026 (reg 44). */
  get orderedToAssess(): EhcpCaseEvent[] {
    return [...this.appealed, on.appealDecided('app-1', 'order', '2026-03-02')];
  },
  get mediating(): EhcpCaseEvent[] {
    return [...this.refused, on.mediationStarted('med-1', '2025-11-01')];
  },
  /** (2nd ed.) reg 15: a plan made 2024-01-15, last reviewed 2025-01-10, transferred in on 2025-12-01. */
  transferredIn: [on.transferredIn()],
  /** (2nd ed.) A decision to cease on 2027-01-10, no appeal: the plan ceases on 2027-03-11. */
  get ceasing(): EhcpCaseEvent[] {
    return [...this.planMaintained, on.cessationDecided('2027-01-10')];
  },
};
