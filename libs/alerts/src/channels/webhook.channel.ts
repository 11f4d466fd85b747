import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@ehcp/config';
import type { AlertMessage } from './alert.message';
import { SIGNATURE_HEADER, signWebhookBody } from './webhook.signature';

const TIMEOUT_MS = 10_000;

/** POSTs `{ id, kind, caseId, team, deadline, sentAt }` signed over its exact bytes (API.md). */
@Injectable()
export class WebhookChannel {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return this.config.ALERT_WEBHOOK_URL !== undefined;
  }

  /** Resolves on a 2xx answer; anything else throws, and the delivery job retries. */
  async send(message: AlertMessage): Promise<void> {
    const url = this.config.ALERT_WEBHOOK_URL;
    if (url === undefined) throw new Error('ALERT_WEBHOOK_URL is not set');
    const { id, kind, caseId, team, deadline } = message;
    const body = Buffer.from(
      JSON.stringify({ id, kind, caseId, team, deadline, sentAt: this.clock.now().toISOString() }),
    );
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [SIGNATURE_HEADER]: signWebhookBody(body, this.config.ALERT_WEBHOOK_SECRET),
      },
      body,
      // A redirect would carry the signed body to a host nobody configured.
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
