import { LocalDate } from '@js-joda/core';
import type { EhcpCaseEvent, ViewsStage } from '@ehcp/domain';
import { GOOD_SECTIONS, on } from '../../../domain/src/testing/case-events';

const TEAMS = ['north', 'south', 'east', 'west'] as const;

/** mulberry32: a small seeded generator, so every run builds the same caseload. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plus = (date: string, days: number) => LocalDate.parse(date).plusDays(days).toString();

/** (2nd ed.) The child's views gathered (CFA s19), with a summary on every other record. */
export function viewsRecorded(
  viewsId: string,
  gatheredOn: string,
  stage: ViewsStage,
  index = 0,
): EhcpCaseEvent {
  const methods = ['meeting', 'questionnaire', 'advocate', 'other'] as const;
  return {
    type: 'ViewsRecorded',
    data: {
      viewsId,
      gatheredOn,
      method: methods[index % methods.length],
      stage,
      personal: index % 2 === 0 ? { summary: 'I like drawing. I want help with reading.' } : null,
    },
  };
}

/**
 * One case's events along a lifecycle chosen by `index`: requests left open, refusals, "not issue",
 * plans on time and late, exceptions, missing advice and responses, QA audits, reviews with
 * amendments, phase transfers, cessation, closure and erasure, (2nd ed.) the child's views gathered
 * in time or too late. Deterministic in `index`.
 */
export function syntheticCase(caseId: string, index: number): EhcpCaseEvent[] {
  const random = seeded(index + 1);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const requestOn = plus('2024-01-01', between(0, 540));
  const events: EhcpCaseEvent[] = [
    on.requestReceived({
      caseId,
      reference: `EHC-${caseId.slice(0, 8)}`,
      team: TEAMS[index % TEAMS.length],
      requestReceivedOn: requestOn,
    }),
  ];
  let last = requestOn;
  const add = (event: EhcpCaseEvent, on: string) => {
    events.push(event);
    if (on > last) last = on;
  };
  if (index % 2 === 0) add(on.caseworkerAssigned(`cw-${index % 7}`, plus(requestOn, 1)), requestOn);
  if (index % 9 === 4)
    add(on.exception('exceptional_personal_circumstances', plus(requestOn, 30)), requestOn);
  const path = index % 10;
  if (path === 0) return events;
  if (path === 1) {
    add(on.refused(plus(requestOn, between(20, 45))), plus(requestOn, 45));
    // Some refusals are reversed later (after an appeal): SEN2 keeps the refusal as the decision.
    if (index % 4 === 3) add(on.assessed(plus(last, 60)), plus(last, 60));
    if (index % 3 === 0) add(on.closed(plus(last, 10)), plus(last, 10));
    return events;
  }
  const assessedOn = plus(requestOn, between(20, 50));
  add(on.assessed(assessedOn), assessedOn);
  // The child's views for the assessment on a third of the cases. Dates from the index, not the
  // generator, so the rest of the caseload is as it was.
  if (index % 3 === 1)
    add(
      viewsRecorded('views-assessment', plus(assessedOn, 10 + (index % 20)), 'assessment', index),
      assessedOn,
    );
  for (let advice = 1; advice <= 1 + (index % 3); advice += 1) {
    const requestedOn = plus(assessedOn, advice);
    add(on.adviceRequested(`adv-${advice}`, requestedOn), requestedOn);
    if (path !== 2 || advice > 1) {
      const receivedOn = plus(requestedOn, between(20, 60));
      add(on.adviceReceived(`adv-${advice}`, receivedOn), receivedOn);
    }
  }
  if (path === 2) return events;
  if (index % 7 === 3)
    add(on.exception('absence_from_area', plus(requestOn, 40), plus(requestOn, 80), 'exc-2'), requestOn);
  const decidedOn = plus(last, between(5, 30));
  if (path === 3) {
    add(on.notToIssue(decidedOn), decidedOn);
    if (index % 3 === 0) add(on.closed(plus(last, 5)), plus(last, 5));
    return events;
  }
  add(on.toIssue(decidedOn), decidedOn);
  const draftOn = plus(decidedOn, between(5, 20));
  add(on.draftIssued(draftOn), draftOn);
  if (index % 5 === 2) add(viewsRecorded('views-draft', plus(draftOn, 3), 'draft', index), draftOn);
  add(on.representations(plus(draftOn, between(3, 10))), plus(draftOn, 10));
  add(on.consulted('con-1', plus(draftOn, 1)), plus(draftOn, 1));
  if (path !== 4) add(on.consultationAnswered('con-1', plus(draftOn, between(5, 20))), plus(draftOn, 20));
  if (path === 5) return events;
  // Some plans take over a year.
  const finalOn = plus(last, between(1, 60) + (index % 8 === 6 ? 250 : 0));
  add(on.finalIssued(finalOn), finalOn);
  // Views for the draft gathered only after the plan was issued: the plan counts without views.
  if (index % 7 === 4) add(viewsRecorded('views-late', plus(finalOn, 3), 'draft', index), finalOn);
  if (index % 2 === 1)
    add(on.qaAudited('audit-1', plus(finalOn, 10), GOOD_SECTIONS, 'final'), plus(finalOn, 10));
  if (index % 9 === 2)
    add(on.exception('institution_closure', plus(requestOn, 60), plus(requestOn, 90), 'exc-3'), requestOn);
  if (index % 11 === 0) {
    const plannedOn = plus(finalOn, 30);
    add(
      on.transferPlanned('tr-1', 'school_phase', LocalDate.parse(plannedOn).year() + 2, plannedOn),
      plannedOn,
    );
  }
  if (index % 3 !== 0) {
    // Some reviews are held late, some decided more than 4 weeks after the meeting.
    const meetingOn = plus(finalOn, between(300, 364) + (index % 7 === 5 ? 30 : 0));
    add(on.reviewHeld('rev-1', meetingOn), meetingOn);
    // Views for the review before its meeting on some cases; on others only after its decision.
    if (index % 4 !== 3) add(viewsRecorded('views-review', plus(meetingOn, -7), 'review', index), meetingOn);
    const amend = index % 4 === 1;
    const reviewDecidedOn = plus(meetingOn, between(10, 20) + (index % 5 === 0 ? 15 : 0));
    add(on.reviewDecided('rev-1', amend ? 'amend' : 'maintain', reviewDecidedOn), reviewDecidedOn);
    if (index % 4 === 3)
      add(viewsRecorded('views-review', plus(reviewDecidedOn, 2), 'review', index), reviewDecidedOn);
    if (amend) {
      const noticeOn = plus(reviewDecidedOn, 5);
      add(on.noticeIssued('not-1', noticeOn), noticeOn);
      add(on.amendmentRepresentations('not-1', plus(noticeOn, 5)), plus(noticeOn, 5));
      const amendedOn = plus(noticeOn, between(20, 60));
      add(
        on.amendedIssued(
          'not-1',
          amendedOn,
          index % 11 === 0 ? { institution: 'Hill School', type: 'special' } : null,
        ),
        amendedOn,
      );
    }
  }
  if (index % 13 === 0) add(on.ceased(plus(last, 10)), plus(last, 10));
  if (index % 17 === 0) add(on.erased(plus(last, 20)), last);
  return events;
}
