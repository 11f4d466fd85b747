import { Global, Injectable, Module } from '@nestjs/common';

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The API's only source of "now". Commands carry `today` (the caller's date in England) because the
 * domain never reads a clock; tests replace this provider with a fixed clock.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's local date in Europe/London, `YYYY-MM-DD` (a London day, whatever the server's zone). */
  today(): string {
    return LONDON_DATE.format(this.now());
  }
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock stopped at one instant: for tests and replays. */
export class FixedClock extends Clock {
  constructor(private readonly instant: Date) {
    super();
  }

  /** Noon UTC of `date`, which is that same date in London all year round. */
  static on(date: string): FixedClock {
    return new FixedClock(new Date(`${date}T12:00:00Z`));
  }

  now(): Date {
    return new Date(this.instant);
  }
}

@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
