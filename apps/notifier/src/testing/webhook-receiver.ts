import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidWebhookSignature } from '@ehcp/alerts';

export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: Buffer;
  readonly body: {
    id: string;
    kind: string;
    caseId: string;
    team: string;
    deadline: Record<string, unknown>;
    sentAt: string;
  };
  readonly validSignature: boolean;
}

/**
 * A webhook endpoint on 127.0.0.1 that records every call. `failuresFor(caseId)` says how many
 * calls about a case to answer 503 before answering 200 (Infinity: always fail).
 */
export class WebhookReceiver {
  readonly calls: ReceivedWebhook[] = [];
  private readonly failures = new Map<string, number>();
  private server?: Server;

  constructor(private readonly secret: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks/ehcp`;
  }

  failFirst(caseId: string, times: number): void {
    this.failures.set(caseId, times);
  }

  callsFor(caseId: string): ReceivedWebhook[] {
    return this.calls.filter((call) => call.body.caseId === caseId);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks);
        const body = JSON.parse(rawBody.toString('utf8')) as ReceivedWebhook['body'];
        const signature = req.headers['x-ehcp-signature'];
        const validSignature = isValidWebhookSignature(rawBody, signature as string | undefined, this.secret);
        this.calls.push({ headers: req.headers, rawBody, body, validSignature });
        const left = this.failures.get(body.caseId) ?? 0;
        this.failures.set(body.caseId, left - 1);
        res.writeHead(left > 0 ? 503 : 200).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      // The notifier's fetch keeps connections alive; they would hold the test process open.
      this.server.closeAllConnections();
    });
  }
}
