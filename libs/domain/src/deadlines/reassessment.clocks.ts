import type { EhcpCase } from '../ehcp-case/ehcp-case.state';
import type { DeadlineClock } from './deadline-clock';
import type { DeadlineOptions } from './deadline.types';

/** (2nd ed.) reg 25 and reg 27(2): `reassessment_decision` (Q + 15) and `reassessment_plan` (S + 98). */
export function reassessmentClocks(_state: EhcpCase, _options: DeadlineOptions): DeadlineClock[] {
  return []; // SKELETON: filled in by the re-assessment work
}
