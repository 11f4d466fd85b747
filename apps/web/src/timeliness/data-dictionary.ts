import { CSV_HEAD } from './public-timeliness.view-model';
import { FEWER_THAN_5, WITHHELD } from './published-cells';

// What each column of /public/timeliness.csv means. A Record over the columns: a new column cannot be
// added to the file without saying here what it is.

export interface ColumnDescription {
  readonly meaning: string;
  readonly unit: string;
  readonly basis: string;
  readonly suppression: string;
}

const NOT_SUPPRESSED = 'Never suppressed.';
const COUNT_SUPPRESSION = `A number from 1 to 4 is written "${FEWER_THAN_5}". So that a small number cannot be worked out by subtraction (from the council's total, or from a team's figure for the whole period), one more number of 5 or more may be written "${WITHHELD}".`;
const PERCENT_SUPPRESSION = `Written "${WITHHELD}" when the number it is worked out from is suppressed. Empty when there was nothing to divide by.`;
const SEN2 = "Department for Education's SEN2 statistical return (EHC plans data guidance).";
const PLAN_20_WEEKS =
  'The final EHC plan must be issued within 20 weeks of the request for an assessment: Special Educational Needs and Disability Regulations 2014, regulation 13(2). ' +
  SEN2;
const PLAN_EXCEPTIONS =
  'Regulation 13(3) of the SEND Regulations 2014 lists the exceptions (for example, the child was away from the area for 4 weeks or more, or a school was closed for 4 weeks or more) when the council may take longer. ' +
  SEN2;
const DECISION_6_WEEKS =
  'The council must tell the family whether it will assess within 6 weeks of the request: SEND Regulations 2014, regulation 5(1). ' +
  SEN2;
const ANNUAL_REVIEW =
  'The council must review an EHC plan at least every 12 months: Children and Families Act 2014, section 44(1). ' +
  SEN2;

export const DATA_DICTIONARY: Readonly<Record<(typeof CSV_HEAD)[number], ColumnDescription>> = {
  time_period: {
    meaning: 'The calendar month the row counts. Each measure counts what happened in that month.',
    unit: 'Year and month, written YYYY-MM (for example 2025-04).',
    basis: 'None: it says which month the row is for.',
    suppression: NOT_SUPPRESSED,
  },
  level: {
    meaning: '"council" for the whole council, "team" for one of its teams.',
    unit: 'Text: council or team.',
    basis: 'None: it says what the row covers.',
    suppression: NOT_SUPPRESSED,
  },
  team_code: {
    meaning: "The team's short code. Empty on a council row.",
    unit: 'Text.',
    basis: 'None.',
    suppression: NOT_SUPPRESSED,
  },
  team_name: {
    meaning: "The team's name, or the council's name on a council row.",
    unit: 'Text.',
    basis: 'None.',
    suppression: NOT_SUPPRESSED,
  },
  plans_issued_den: {
    meaning:
      "New EHC plans issued in the month: a child's first final plan after a request, not amended plans. Plans issued after an appeal or mediation are left out, as the Department for Education does.",
    unit: 'Number of plans.',
    basis: SEN2,
    suppression: COUNT_SUPPRESSION,
  },
  plans_issued_within_20_weeks: {
    meaning: 'Of the new plans, those issued within 20 weeks (140 days) of the request.',
    unit: 'Number of plans.',
    basis: PLAN_20_WEEKS,
    suppression: COUNT_SUPPRESSION,
  },
  pc_plans_issued_within_20_weeks: {
    meaning: 'The share of new plans issued within 20 weeks.',
    unit: 'Percentage, one decimal place.',
    basis: PLAN_20_WEEKS,
    suppression: PERCENT_SUPPRESSION,
  },
  plans_issued_den_ex: {
    meaning: 'New plans issued in the month, leaving out plans where an exception to the 20 weeks applied.',
    unit: 'Number of plans.',
    basis: PLAN_EXCEPTIONS,
    suppression: COUNT_SUPPRESSION,
  },
  plans_issued_20_weeks_ex: {
    meaning: 'Of those plans with no exception, the ones issued within 20 weeks of the request.',
    unit: 'Number of plans.',
    basis: PLAN_EXCEPTIONS,
    suppression: COUNT_SUPPRESSION,
  },
  pc_plans_issued_20_weeks_ex: {
    meaning: 'The share of plans with no exception issued within 20 weeks.',
    unit: 'Percentage, one decimal place.',
    basis: PLAN_EXCEPTIONS,
    suppression: PERCENT_SUPPRESSION,
  },
  requests_decided: {
    meaning: 'Decisions made in the month on whether to carry out an EHC needs assessment.',
    unit: 'Number of decisions.',
    basis: DECISION_6_WEEKS,
    suppression: COUNT_SUPPRESSION,
  },
  requests_decided_within_6_weeks: {
    meaning: 'Of those decisions, the ones made within 6 weeks (42 days) of the request.',
    unit: 'Number of decisions.',
    basis: DECISION_6_WEEKS,
    suppression: COUNT_SUPPRESSION,
  },
  pc_requests_decided_within_6_weeks: {
    meaning: 'The share of decisions made within 6 weeks.',
    unit: 'Percentage, one decimal place.',
    basis: DECISION_6_WEEKS,
    suppression: PERCENT_SUPPRESSION,
  },
  reviews_due: {
    meaning: 'Annual reviews of EHC plans that were due in the month.',
    unit: 'Number of reviews.',
    basis: ANNUAL_REVIEW,
    suppression: COUNT_SUPPRESSION,
  },
  reviews_completed_on_time: {
    meaning: 'Of those reviews, the ones the council finished by the date they were due.',
    unit: 'Number of reviews.',
    basis: ANNUAL_REVIEW,
    suppression: COUNT_SUPPRESSION,
  },
  pc_reviews_completed_on_time: {
    meaning: 'The share of annual reviews finished on time.',
    unit: 'Percentage, one decimal place.',
    basis: ANNUAL_REVIEW,
    suppression: PERCENT_SUPPRESSION,
  },
};

/** The columns in the file's order, each with its description. */
export function dataDictionary(): { name: string; description: ColumnDescription }[] {
  return CSV_HEAD.map((name) => ({ name, description: DATA_DICTIONARY[name] }));
}
