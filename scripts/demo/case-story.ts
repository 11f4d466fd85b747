import { ChronoUnit, LocalDate } from '@js-joda/core';
import type { SeededRandom } from './seeded-random';

/** One HTTP command of the demo, dated by the fact it records. */
export interface DemoStep {
  readonly on: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly asQaOfficer?: boolean;
}

/** The later of two dates. */
export function latest(a: LocalDate, b: LocalDate): LocalDate {
  return a.isAfter(b) ? a : b;
}

/**
 * The steps of one case, recorded in date order and cut off at today: a fact dated after today has not
 * happened yet. A step is never dated before the steps it depends on, so leaving out future steps
 * leaves out their dependents too, and a stable sort by date keeps every dependency in order.
 */
export class CaseStory {
  private readonly recorded: DemoStep[] = [];
  private sequence = 0;
  /** Steps after this day are left out: today, or earlier while `until` tells an earlier part. */
  private horizon: LocalDate;
  private latestOn: LocalDate | undefined;

  constructor(
    readonly caseId: string,
    readonly today: LocalDate,
  ) {
    this.horizon = today;
  }

  get steps(): DemoStep[] {
    return [...this.recorded].sort((a, b) => a.on.localeCompare(b.on));
  }

  /** The date of the latest step recorded (the case's opening at least). */
  get lastOn(): LocalDate {
    if (this.latestOn === undefined) throw new Error('the case has not been opened');
    return this.latestOn;
  }

  /** The case's first step: `POST /cases` or `POST /cases/transfers-in`. */
  open(on: LocalDate, path: '/cases' | '/cases/transfers-in', body: Record<string, unknown>): void {
    this.record(on, path, body, false);
  }

  /** Adds a step on the case unless it is in the future (or after the horizon); false then. */
  add(on: LocalDate, path: string, body: Record<string, unknown>, asQaOfficer = false): boolean {
    if (on.isAfter(this.horizon)) return false;
    this.record(on, `/cases/${this.caseId}${path}`, body, asQaOfficer);
    return true;
  }

  /**
   * Tells a part of the story that ends before a later fact (e.g. the reviews held before a decision
   * to cease): its steps after `last` are left out, as future ones are.
   */
  until<T>(last: LocalDate, tell: () => T): T {
    const saved = this.horizon;
    if (last.isBefore(saved)) this.horizon = last;
    try {
      return tell();
    } finally {
      this.horizon = saved;
    }
  }

  /** A day from `from` to today, evenly drawn; undefined when `from` is after today. */
  dayFrom(random: SeededRandom, from: LocalDate): LocalDate | undefined {
    if (from.isAfter(this.today)) return undefined;
    return from.plusDays(random.int(0, from.until(this.today, ChronoUnit.DAYS)));
  }

  /** Sub-resource ids derived from the case id, so a re-run with the same seed repeats them. */
  id(): string {
    this.sequence += 1;
    return `${this.caseId.slice(0, 24)}${this.sequence.toString(16).padStart(12, '0')}`;
  }

  private record(on: LocalDate, path: string, body: Record<string, unknown>, asQaOfficer: boolean): void {
    this.recorded.push({ on: on.toString(), path, body, asQaOfficer });
    if (this.latestOn === undefined || on.isAfter(this.latestOn)) this.latestOn = on;
  }
}
