import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@ehcp/config';
import { createTransport, type Transporter } from 'nodemailer';
import type { AlertMessage } from './alert.message';
import { deadlineTitleOf } from './deadline-title';
import { digestSubjectOf, digestTextOf, type DigestMessage } from './digest.message';

/** Plain-text alert e-mails over SMTP (SMTP_URL), ids and dates only. */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private readonly transport?: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    if (config.SMTP_URL !== undefined) this.transport = createTransport(config.SMTP_URL);
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Alerts go out in a daily digest per recipient (ALERT_EMAIL_MODE=digest), not one e-mail each. */
  get digest(): boolean {
    return this.enabled && this.config.ALERT_EMAIL_MODE === 'digest';
  }

  async send(message: AlertMessage, recipients: readonly string[]): Promise<void> {
    if (this.transport === undefined) throw new Error('SMTP_URL is not set');
    await this.transport.sendMail({
      from: this.config.SMTP_FROM,
      to: [...recipients],
      date: this.clock.now(),
      subject: subjectOf(message),
      text: textOf(message),
    });
  }

  async sendDigest(message: DigestMessage, recipient: string): Promise<void> {
    if (this.transport === undefined) throw new Error('SMTP_URL is not set');
    await this.transport.sendMail({
      from: this.config.SMTP_FROM,
      to: recipient,
      date: this.clock.now(),
      subject: digestSubjectOf(message),
      text: digestTextOf(message),
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

function subjectOf({ kind, deadline, caseId }: AlertMessage): string {
  const what = kind === 'overdue' ? 'Deadline missed' : 'Deadline due soon';
  return `${what}: ${deadlineTitleOf(deadline.kind)}, due ${deadline.dueOn} (case ${caseId})`;
}

function textOf({ kind, warnDays, caseId, team, deadline }: AlertMessage): string {
  const title = deadlineTitleOf(deadline.kind);
  const headline =
    kind === 'overdue'
      ? `"${title}" for case ${caseId} was due on ${deadline.dueOn} and is not done.`
      : `"${title}" for case ${caseId} is due on ${deadline.dueOn} (${warnDays} days' warning).`;
  return [
    headline,
    '',
    `Team: ${team}`,
    `Deadline: ${deadline.kind}`,
    `Rule: ${deadline.rule}`,
    `Clock started: ${deadline.startsOn}`,
    `Exception applies: ${deadline.exceptionApplies ? 'yes' : 'no'}`,
    '',
    'Open the case in the EHCP system for details.',
  ].join('\n');
}
