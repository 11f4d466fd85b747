import { Body, Param, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { holdClaim, type HeldClaim } from '../idempotency/held-claim';
import { AnswersCommand } from './answers-command.decorator';

class Controller {
  @SetMetadata('ehcp:test-role', 'wrapped')
  @AnswersCommand(['url'])
  @SetMetadata('ehcp:test-before', 'moved')
  answer(@Param('caseId') caseId: string, @Body() body: { revision: number }): Promise<unknown> {
    return Promise.resolve({ caseId, revision: body.revision, url: 'secret' });
  }
}

function exchange(claim?: HeldClaim): { request: Request; headers: Map<string, string> } {
  const headers = new Map<string, string>();
  const response = { statusCode: 201, setHeader: (name: string, value: string) => headers.set(name, value) };
  const request = { res: response } as unknown as Request;
  if (claim) holdClaim(request, claim);
  return { request, headers };
}

describe('AnswersCommand', () => {
  const answer = Controller.prototype.answer as unknown as (...args: unknown[]) => Promise<unknown>;

  it('asks Nest for the request after the parameters the method declares', () => {
    const described = Reflect.getMetadata(ROUTE_ARGS_METADATA, Controller, 'answer') as Record<
      string,
      { index: number }
    >;
    expect(
      Object.values(described)
        .map(({ index }) => index)
        .sort(),
    ).toEqual([0, 1, 2]);
  });

  it('keeps the metadata of decorators on either side on the method Nest routes to', () => {
    expect(Reflect.getMetadata('ehcp:test-role', answer)).toBe('wrapped');
    expect(Reflect.getMetadata('ehcp:test-before', answer)).toBe('moved');
  });

  it('answers with the ETag of the revision and stores nothing without an Idempotency-Key', async () => {
    const { request, headers } = exchange();
    const body = await answer.call(new Controller(), 'c-1', { revision: 3 }, request);
    expect(body).toEqual({ caseId: 'c-1', revision: 3, url: 'secret' });
    expect(headers.get('ETag')).toBe('"3"');
  });

  it('under an Idempotency-Key, stores the status and body with shown-once fields null before answering', async () => {
    const complete = jest.fn<Promise<void>, [number, unknown]>().mockResolvedValue(undefined);
    const { request } = exchange({ complete, release: () => Promise.resolve() });
    const body = await answer.call(new Controller(), 'c-1', { revision: 3 }, request);
    expect(complete).toHaveBeenCalledWith(201, { caseId: 'c-1', revision: 3, url: null });
    expect(body).toMatchObject({ url: 'secret' });
  });
});
