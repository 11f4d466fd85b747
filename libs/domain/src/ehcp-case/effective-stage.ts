import { ceasesOnOf } from '../deadlines/cessation.rules';
import type { EhcpCaseCommandType } from './ehcp-case.commands';
import type { EhcpCase, EhcpCaseState } from './ehcp-case.state';
import type { CaseStage } from './ehcp-case.vocabulary';

/**
 * (2nd ed.) DOMAIN.md "Cessation": the plan under a decision to cease is maintained until the day it
 * ceases (`ceasesOnOf`, derived from the events alone); evaluated on or after that day, the plan has
 * ceased. The stored stage stays `ceasing` (no event marks the day), so the stage a case has on
 * `asOf` is derived here.
 */
export function stageOn(state: EhcpCase, asOf: string): CaseStage {
  if (state.stage !== 'ceasing') return state.stage;
  const ceasesOn = ceasesOnOf(state);
  return ceasesOn !== null && ceasesOn <= asOf ? 'ceased' : state.stage;
}

/**
 * What may still be recorded once a plan has ceased after a decision to cease. An appeal against the
 * cessation (and its outcome, and a mediation) recorded late can still stop it: the plan never ceased
 * if the Tribunal orders it to continue. Exceptions, QA audits, closure, erasure, corrections and
 * the caseworker are as on any ended case.
 */
export const COMMANDS_AFTER_CESSATION: readonly EhcpCaseCommandType[] = [
  'LodgeAppeal',
  'RecordAppealOutcome',
  'StartMediation',
  'EndMediation',
  'RecordQaAudit',
  'RecordException',
  'EndException',
  'CloseCase',
  'ErasePersonalData',
  'CorrectFact',
  'CorrectChild',
  'AssignCaseworker',
];

/**
 * The state a command is judged on: the case as it stands on the command's `today`. A case whose
 * plan has ceased by then (a pending cessation's date reached) is judged as `ceased` (PLAN_CEASED),
 * except for the commands that stay possible after it.
 */
export function stateJudgedOn(type: EhcpCaseCommandType, state: EhcpCaseState, today: string): EhcpCaseState {
  if (state.stage !== 'ceasing' || COMMANDS_AFTER_CESSATION.includes(type)) return state;
  const stage = stageOn(state, today);
  return stage === state.stage ? state : { ...state, stage };
}
