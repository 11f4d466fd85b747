import type { DeadlineKind, ViewsMethod, ViewsStage } from '@ehcp/domain';

/**
 * Each statutory step in words a family (and a child of 9 to 11) can follow: what happens, said while
 * it is still to do (`due`) and once it is done (`done`), and what the law says about its timing. The
 * regulation numbers stay on the caseworker's page: a family needs the promise, not the citation.
 * Exhaustive over DeadlineKind, so a new kind of step cannot reach a family without its words.
 */
export const FAMILY_WORDS: {
  readonly [K in DeadlineKind]: { readonly done: string; readonly due: string; readonly law: string };
} = {
  decision_to_assess: {
    due: 'The council decides whether to assess your child',
    done: 'The council decided whether to assess your child',
    law: 'The council must tell you whether it will assess your child within 6 weeks of your request.',
  },
  advice: {
    due: 'An expert sends the council their advice about your child',
    done: 'An expert sent the council their advice about your child',
    law: 'People the council asks for advice, like teachers or doctors, must send it within 6 weeks.',
  },
  plan_decision: {
    due: 'The council decides whether to write an EHC plan',
    done: 'The council decided whether to write an EHC plan',
    law: 'If the council decides not to write a plan, it must tell you within 16 weeks of your request.',
  },
  final_plan: {
    due: 'The council sends you the final EHC plan',
    done: 'The council sent you the final EHC plan',
    law: 'The council must send you the final plan within 20 weeks of your request.',
  },
  consultation_response: {
    due: 'A school or college tells the council if it can take your child',
    done: 'A school or college told the council if it can take your child',
    law: 'Guidance says the school or college should answer within 15 days. This is advice, not a law.',
  },
  annual_review: {
    due: 'The plan has its yearly review',
    done: 'The plan had its yearly review',
    law: 'The council must review the plan at least once every 12 months.',
  },
  review_decision: {
    due: 'The council tells you what it decided after the review meeting',
    done: 'The council told you what it decided after the review meeting',
    law: 'The council must tell you what it decided within 4 weeks of the review meeting.',
  },
  amendment_notice: {
    due: 'The council tells you the changes it wants to make to the plan',
    done: 'The council told you the changes it wants to make to the plan',
    law: 'If the council wants to change the plan after a review, it must tell you within 4 weeks of the meeting.',
  },
  amended_plan: {
    due: 'The council sends you the changed plan',
    done: 'The council sent you the changed plan',
    law: 'The council must send you the changed plan within 8 weeks of telling you about the changes.',
  },
  phase_transfer: {
    due: 'The plan is checked before your child moves school',
    done: 'The plan was checked before your child moves school',
    law: 'Before your child moves to a new school or college, the council must check the plan by a set date and change it if needed.',
  },
  post16_transfer: {
    due: 'The plan is checked before your young person moves college',
    done: 'The plan was checked before your young person moves college',
    law: 'The council must check the plan at least 5 months before your young person moves to a new college.',
  },
  reassessment_decision: {
    due: 'The council decides whether to assess your child again',
    done: 'The council decided whether to assess your child again',
    law: 'The council must tell you whether it will assess your child again within 15 days of the request.',
  },
  reassessment_plan: {
    due: 'The council finishes assessing your child again',
    done: 'The council finished assessing your child again',
    law: 'The council must finish the new assessment within 14 weeks of saying it would do one.',
  },
  transfer_notice: {
    due: 'The council tells you what happens now the plan has moved here',
    done: 'The council told you what happens now the plan has moved here',
    law: 'When a plan moves from another council, this council must tell you within 6 weeks whether it will assess your child.',
  },
  order_assessment_notice: {
    due: 'The council tells you it will assess your child, as the tribunal said',
    done: 'The council told you it will assess your child, as the tribunal said',
    law: 'When the tribunal (a special court) says the council must assess, it must tell you within 2 weeks.',
  },
  order_plan_decision: {
    due: 'The council decides whether to write a plan, as the tribunal said',
    done: 'The council decided whether to write a plan, as the tribunal said',
    law: 'After the tribunal (a special court) decides, the council must decide about a plan within 10 weeks.',
  },
  order_draft_plan: {
    due: 'The council sends you a draft plan, as the tribunal said',
    done: 'The council sent you a draft plan, as the tribunal said',
    law: 'When the tribunal (a special court) says there must be a plan, the council must send a draft within 5 weeks.',
  },
  order_final_plan: {
    due: 'The council sends you the final plan, as the tribunal said',
    done: 'The council sent you the final plan, as the tribunal said',
    law: 'After the tribunal (a special court) decides, the law gives the council a set number of weeks to send the final plan.',
  },
  order_amended_plan: {
    due: 'The council sends you the changed plan, as the tribunal said',
    done: 'The council sent you the changed plan, as the tribunal said',
    law: 'After the tribunal (a special court) decides, the law gives the council a set number of weeks to send the changed plan.',
  },
};

/** How the child's views were gathered, to follow "your child shared their views ". */
export const FAMILY_VIEWS_METHOD_WORDS: { readonly [M in ViewsMethod]: string } = {
  meeting: 'at a meeting',
  questionnaire: 'by filling in a questionnaire',
  advocate: 'with help from an advocate (someone who speaks up for them)',
  other: 'in another way',
};

/** What the views were gathered for, to end the same sentence. */
export const FAMILY_VIEWS_STAGE_WORDS: { readonly [S in ViewsStage]: string } = {
  assessment: 'for the assessment',
  draft: 'about the draft plan',
  review: 'for a yearly review',
};
