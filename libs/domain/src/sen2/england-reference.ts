/**
 * England's published 20-week rate (DfE, "Education, health and care plans", the annual statistics
 * release from the SEN2 return: https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans),
 * by calendar year of issue, including exceptions; 2019 also excluding them. As DOMAIN.md's
 * "Reference figures for England": the one place the product holds them, so that a dashboard draws
 * a council's own rate against the national one.
 */
export interface EnglandReferenceRate {
  readonly year: number;
  /** New plans issued within 20 weeks, as a percentage of new plans issued (exceptions included). */
  readonly pcPlansIssuedWithin20Weeks: number;
  /** The same, exceptions excluded, where published. */
  readonly pcPlansIssuedWithin20WeeksEx: number | null;
  /** New plans issued in the year, where DOMAIN.md gives it. */
  readonly plansIssued: number | null;
}

export const ENGLAND_20_WEEK_RATES: readonly EnglandReferenceRate[] = [
  { year: 2019, pcPlansIssuedWithin20Weeks: 58.7, pcPlansIssuedWithin20WeeksEx: 60.4, plansIssued: null },
  { year: 2022, pcPlansIssuedWithin20Weeks: 49.2, pcPlansIssuedWithin20WeeksEx: null, plansIssued: null },
  { year: 2023, pcPlansIssuedWithin20Weeks: 50.3, pcPlansIssuedWithin20WeeksEx: null, plansIssued: 84_428 },
  { year: 2024, pcPlansIssuedWithin20Weeks: 46.4, pcPlansIssuedWithin20WeeksEx: null, plansIssued: 97_747 },
];

export const ENGLAND_REFERENCE_SOURCE =
  'DfE, Education, health and care plans (SEN2), England: https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans';
