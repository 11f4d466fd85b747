import { eventIdFor } from './deterministic-event-id';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('eventIdFor', () => {
  it('derives the same UUID v5 from the same stream, key and index', () => {
    const id = eventIdFor('case-1', 'key-1', 0);
    expect(id).toMatch(UUID_V5);
    expect(eventIdFor('case-1', 'key-1', 0)).toBe(id);
  });

  it('differs by index, key and stream', () => {
    const ids = [
      eventIdFor('case-1', 'key-1', 0),
      eventIdFor('case-1', 'key-1', 1),
      eventIdFor('case-1', 'key-2', 0),
      eventIdFor('case-2', 'key-1', 0),
    ];
    expect(new Set(ids).size).toBe(4);
  });

  it('never changes: stored events carry these ids, and a retry must find them', () => {
    expect(eventIdFor('case-1', 'key-1', 0)).toBe('317baf8d-ef5b-5ea3-b09d-c939f4e3aeb5');
    expect(eventIdFor('case-1', 'key-1', 1)).toBe('5d8b3365-be8b-5ab9-9065-209f81caa459');
  });

  it('is random without an idempotency key', () => {
    expect(eventIdFor('case-1', undefined, 0)).not.toBe(eventIdFor('case-1', undefined, 0));
  });
});
