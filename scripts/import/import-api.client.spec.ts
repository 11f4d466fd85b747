import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImportApiClient, ImportApiError } from './import-api.client';

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

/** A loopback server answering from a script, recording what it was sent. */
async function serverAnswering(answers: Answer[]): Promise<{
  url: string;
  seen: { key?: string; at: number }[];
  close(): Promise<void>;
}> {
  const seen: { key?: string; at: number }[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    seen.push({ key: request.headers['idempotency-key'] as string | undefined, at: Date.now() });
    const answer = answers.shift() ?? { status: 200, body: {} };
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const client = (url: string, attempts = 3) =>
  new ImportApiClient({
    baseUrl: url,
    token: 't',
    rateLimit: { perWindow: 1_000_000, windowSeconds: 60 },
    attempts,
  });

describe('the import talking to the api', () => {
  it('waits out a 429 for its Retry-After and sends the same command again, same key', async () => {
    const server = await serverAnswering([
      { status: 429, headers: { 'retry-after': '1' }, body: { code: 'RATE_LIMITED' } },
      { status: 201, body: { revision: 0 } },
    ]);
    try {
      const answer = await client(server.url).post('/cases', {}, 'key-1');

      expect(answer).toEqual({ status: 201, body: { revision: 0 } });
      expect(server.seen.map((request) => request.key)).toEqual(['key-1', 'key-1']);
      expect(server.seen[1].at - server.seen[0].at).toBeGreaterThanOrEqual(900);
    } finally {
      await server.close();
    }
  });

  it('retries an unavailable api, and gives up with ImportApiError when it stays so', async () => {
    const server = await serverAnswering([
      { status: 503 },
      { status: 201, body: { revision: 1 } },
      { status: 503 },
      { status: 502 },
    ]);
    try {
      expect(await client(server.url).post('/cases', {}, 'key-2')).toMatchObject({ status: 201 });
      await expect(client(server.url, 2).post('/cases', {}, 'key-3')).rejects.toThrow(ImportApiError);
    } finally {
      await server.close();
    }
  });

  it('returns a refusal as it is, and stops on a refused token (401)', async () => {
    const server = await serverAnswering([
      { status: 409, body: { code: 'CASE_ALREADY_EXISTS' } },
      { status: 401, body: { code: 'UNAUTHENTICATED' } },
    ]);
    try {
      expect(await client(server.url).post('/cases', {}, 'key-4')).toEqual({
        status: 409,
        body: { code: 'CASE_ALREADY_EXISTS' },
      });
      await expect(client(server.url).get('/cases/x/events')).rejects.toThrow(/refuses the token/);
    } finally {
      await server.close();
    }
  });

  it('reports an api that does not answer at all', async () => {
    const server = await serverAnswering([]);
    await server.close();

    await expect(client(server.url).checkReachable()).rejects.toThrow(ImportApiError);
  });
});
