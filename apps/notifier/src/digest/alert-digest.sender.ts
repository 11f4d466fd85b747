import { Inject, Injectable, Logger } from '@nestjs/common';
import { LocalDate } from '@js-joda/core';
import { EmailChannel, type DigestEntry, type DeliveryStatus } from '@ehcp/alerts';
import { APP_CONFIG, type AppConfig, Clock, londonDate, londonInstant } from '@ehcp/config';
import { DataSource, type EntityManager } from 'typeorm';
import { deliveriesFinished } from '../metrics/alert.metrics';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../notifier.options';

const PAGE = 100;
const MAX_ERROR_LENGTH = 1000;

export interface DigestResult {
  /** Digests opened for the day (one per recipient with alerts waiting). */
  readonly opened: number;
  readonly sent: number;
  readonly failed: number;
}

interface DigestKey {
  readonly recipient: string;
  readonly digestOn: string;
}

/** A London day's digest and the instant it is due: that day's ALERT_LOCAL_TIME plus the grace. */
interface DigestDay {
  readonly digestOn: string;
  readonly dueAt: Date;
}

/**
 * The daily e-mail digests (ALERT_EMAIL_MODE=digest), run after every sweep. A London day's digest is
 * due at its ALERT_LOCAL_TIME plus a grace (for the workers raising the alerts of that time): then each
 * recipient with alerts raised before that and still waiting gets one alert_digest row for the date,
 * which takes those alerts; its key makes it one e-mail per recipient and day however many notifiers
 * sweep, or however late. Alerts raised after wait for the next day's. Sending holds the row's lock,
 * is retried on later sweeps and recorded like a delivery (at least once: a crash between the SMTP
 * answer and the commit sends it again).
 */
@Injectable()
export class AlertDigestSender {
  private readonly logger = new Logger(AlertDigestSender.name);

  constructor(
    private readonly db: DataSource,
    private readonly email: EmailChannel,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
  ) {}

  async run(): Promise<DigestResult> {
    if (!this.email.digest) return { opened: 0, sent: 0, failed: 0 };
    const now = this.clock.now();
    const opened = await this.open(this.digestDayAt(now), now);
    let [sent, failed] = [0, 0];
    for (let after: DigestKey | null = null; ;) {
      const page = await this.pending(after);
      if (page.length === 0) break;
      after = page[page.length - 1];
      for (const key of page) {
        const outcome = await this.send(key);
        if (outcome === 'sent') sent += 1;
        if (outcome === 'failed') failed += 1;
      }
    }
    return { opened, sent, failed };
  }

  /** The latest digest due at `now`: today's once its local time and the grace passed, else yesterday's. */
  private digestDayAt(now: Date): DigestDay {
    const dayOf = (date: string) => ({
      digestOn: date,
      dueAt: new Date(
        londonInstant(date, this.config.ALERT_LOCAL_TIME).getTime() + this.options.pendingDeliveryGraceMs,
      ),
    });
    const today = dayOf(londonDate(now));
    if (now.getTime() >= today.dueAt.getTime()) return today;
    return dayOf(LocalDate.parse(today.digestOn).minusDays(1).toString());
  }

  /**
   * Opens the day's digest of every recipient with alerts raised before it was due and still waiting,
   * and gives it those alerts; alerts raised after wait for the next day's.
   */
  private open({ digestOn, dueAt }: DigestDay, now: Date): Promise<number> {
    return this.db.transaction(async (db) => {
      const opened: { recipient: string }[] = await db.query(
        `insert into alert_digest (recipient, digest_on, status, attempts, created_at, updated_at)
         select distinct i.recipient, $1::date, 'pending', 0, $3::timestamptz, $3::timestamptz
           from alert_digest_item i join notification n on n.id = i.notification_id
          where i.digest_on is null and n.created_at < $2
         on conflict (recipient, digest_on) do nothing
         returning recipient`,
        [digestOn, dueAt, now],
      );
      if (opened.length === 0) return 0;
      await db.query(
        `update alert_digest_item i set digest_on = $1 from notification n
          where n.id = i.notification_id and i.digest_on is null and n.created_at < $2 and i.recipient = any($3)`,
        [digestOn, dueAt, opened.map((row) => row.recipient)],
      );
      return opened.length;
    });
  }

  private pending(after: DigestKey | null): Promise<DigestKey[]> {
    return this.db.query(
      `select recipient, digest_on::text as "digestOn" from alert_digest
        where status = 'pending' and (digest_on, recipient) > ($1::date, $2)
        order by digest_on, recipient limit $3`,
      [after?.digestOn ?? '0001-01-01', after?.recipient ?? '', PAGE],
    );
  }

  /** Sends one digest under its row lock; another notifier sending it skips it. */
  private send(key: DigestKey): Promise<DeliveryStatus | 'skipped'> {
    return this.db.transaction(async (db) => {
      const [row] = await db.query<{ attempts: number }[]>(
        `select attempts from alert_digest where recipient = $1 and digest_on = $2 and status = 'pending'
           for update skip locked`,
        [key.recipient, key.digestOn],
      );
      if (row === undefined) return 'skipped';
      try {
        await this.email.sendDigest(
          { digestOn: key.digestOn, entries: await this.entriesOf(db, key) },
          key.recipient,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const status = row.attempts + 1 >= this.options.deliveryAttempts ? 'failed' : 'pending';
        this.logger.warn(`digest for ${key.digestOn} not sent (attempt ${row.attempts + 1}): ${message}`);
        await this.record(db, key, status, message.slice(0, MAX_ERROR_LENGTH));
        if (status === 'failed') deliveriesFinished.inc({ channel: 'email_digest', outcome: 'failed' });
        return status;
      }
      await this.record(db, key, 'sent', null);
      deliveriesFinished.inc({ channel: 'email_digest', outcome: 'sent' });
      return 'sent';
    });
  }

  private entriesOf(db: EntityManager, { recipient, digestOn }: DigestKey): Promise<DigestEntry[]> {
    return db.query(
      `select n.id as "notificationId", n.kind, n.warn_days as "warnDays", n.case_id as "caseId",
              s.reference, n.team, n.deadline->>'kind' as "deadlineKind", n.due_on::text as "dueOn"
         from alert_digest_item i join notification n on n.id = i.notification_id
         left join case_summary s on s.case_id = n.case_id
        where i.recipient = $1 and i.digest_on = $2
        order by n.kind desc, n.due_on, n.case_id, n.id`,
      [recipient, digestOn],
    );
  }

  private async record(db: EntityManager, key: DigestKey, status: DeliveryStatus, error: string | null) {
    const now = this.clock.now();
    await db.query(
      `update alert_digest set status = $3, attempts = attempts + 1, last_error = $4, updated_at = $5,
              sent_at = case when $3 = 'sent' then $5::timestamptz end
        where recipient = $1 and digest_on = $2`,
      [key.recipient, key.digestOn, status, error, now],
    );
  }
}
