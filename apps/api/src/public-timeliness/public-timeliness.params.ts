import { DateParam } from '../queries/query-params';

/** GET /public/timeliness: a period of at most 24 months; default the twelve months ending today. */
export class PublicTimelinessParams {
  @DateParam('First day of the period (inclusive). Default: one year before `to`, plus a day')
  from?: string;

  @DateParam(
    'Last day of the period (inclusive). Default: today (Europe/London). At most 24 months after `from`',
  )
  to?: string;
}
