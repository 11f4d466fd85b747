import { Global, Injectable, Module } from '@nestjs/common';
import { londonDate } from './london-time';

/**
 * Every app's only source of "now": time decisions read it, so tests move time instead of sleeping.
 * Commands carry `today` (the caller's date in England) because the domain never reads a clock.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's local date in Europe/London, `YYYY-MM-DD` (a London day, whatever the server's zone). */
  today(): string {
    return londonDate(this.now());
  }
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until told otherwise: for tests and replays. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string) {
    super();
    this.current = new Date(start).getTime();
  }

  /** Noon UTC of `date`, which is that same date in London all year round. */
  static on(date: string): ManualClock {
    return new ManualClock(`${date}T12:00:00Z`);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** Provides the system Clock to the whole app; tests override the provider with a ManualClock. */
@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
