import { randomUUID } from 'node:crypto';
import type { CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds, derivedId } from './command-ids';

describe('derivedId', () => {
  it('never changes: a retried request and a re-run import name the same case', () => {
    expect(derivedId('user-1', 'key-1', 'caseId')).toBe('8bd6a3f6-a162-5e38-941c-ccdbbc80f757');
    expect(derivedId('caseload-import', 'EHC-1')).toBe('97afbc52-21b9-58de-a091-930c71ffa3a9');
  });
});

describe('CommandIds', () => {
  const ids = new CommandIds();
  const context = (idempotencyKey?: string) =>
    ({ user: { id: 'user-1' }, idempotencyKey }) as unknown as CommandRequestContext;

  it('keeps an id the client gave', () => {
    const given = randomUUID();
    expect(ids.idFor(context('key-1'), 'caseId', given)).toBe(given);
  });

  it('derives the id from user, key and field under an Idempotency-Key', () => {
    expect(ids.idFor(context('key-1'), 'caseId')).toBe(derivedId('user-1', 'key-1', 'caseId'));
    expect(ids.idFor(context('key-1'), 'adviceId')).not.toBe(ids.idFor(context('key-1'), 'caseId'));
  });

  it('is random without one', () => {
    expect(ids.idFor(context(), 'caseId')).not.toBe(ids.idFor(context(), 'caseId'));
  });
});
