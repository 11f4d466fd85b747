import type { CaseStage } from '@ehcp/domain';

/**
 * (2nd ed.) The stage a query shows on `asOf` (DOMAIN.md "Cessation"): a plan under a decision to
 * cease is `ceasing` until the day it ceases and `ceased` from that day. The stored stage stays
 * `ceasing` (it follows from the events alone; the date it is read on is the query's).
 */
export function shownStageOf(stage: CaseStage, ceasesOn: string | null, asOf: string): CaseStage {
  return stage === 'ceasing' && ceasesOn !== null && ceasesOn <= asOf ? 'ceased' : stage;
}

/**
 * shownStageOf as a SQL condition on case_summary (`table`: its alias) for a stage filter: `ceased`
 * also takes a ceasing case whose day has come, `ceasing` only those whose day is still to come (or
 * not yet known). `param` adds a query parameter and returns its placeholder.
 */
export function shownStageCondition(
  table: string,
  stage: CaseStage,
  param: (value: unknown) => string,
  asOf: string,
): string {
  const ceasesOn = `${table}.ceases_on`;
  if (stage === 'ceased')
    return `(${table}.stage = 'ceased' or (${table}.stage = 'ceasing' and ${ceasesOn} <= ${param(asOf)}::date))`;
  if (stage === 'ceasing')
    return `(${table}.stage = 'ceasing' and (${ceasesOn} is null or ${ceasesOn} > ${param(asOf)}::date))`;
  // Every other stage is shown as stored.
  return `${table}.stage = ${param(stage)}`;
}
