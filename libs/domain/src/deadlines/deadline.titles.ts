import type { DeadlineKind } from './deadline.types';

/**
 * Each deadline kind in plain words, for the work tray, deadline lists and alert e-mails: what the
 * council has to do, as a caseworker or a family would say it (the kind code stays in `kind`).
 */
export const DEADLINE_TITLES: { readonly [K in DeadlineKind]: string } = {
  decision_to_assess: 'Decide whether to assess',
  advice: 'Get the advice requested',
  plan_decision: 'Decide whether to issue a plan',
  final_plan: 'Issue the final plan',
  consultation_response: "Get the setting's reply to the consultation",
  annual_review: 'Hold the annual review',
  review_decision: 'Decide the outcome of the review',
  amendment_notice: 'Send the proposed changes after the review',
  amended_plan: 'Issue the amended plan',
  phase_transfer: 'Review and amend the plan before the move to a new school',
  post16_transfer: 'Review and amend the plan before the move to a college or other setting',
  reassessment_decision: 'Decide whether to re-assess',
  reassessment_plan: 'Finish the re-assessment',
  transfer_notice: 'Tell the family what happens after the plan moved here',
  order_assessment_notice: 'Tribunal order: tell the family the council will assess',
  order_plan_decision: 'Tribunal order: decide whether to issue a plan',
  order_draft_plan: 'Tribunal order: send the draft plan',
  order_final_plan: 'Tribunal order: issue the final plan',
  order_amended_plan: 'Tribunal order: issue the amended plan',
};
