import { alertJobId } from './alert-job.contract';
import { deliveryJobId } from './delivery-job.contract';

describe('job ids', () => {
  it('are <deadlineId>_<alertKey>_<dueOn>, without the colon BullMQ reserves', () => {
    const id = alertJobId('0b6b0a52-54a4-4f8e-9a43-3c1f0b1f5e0e/advice-ep_1', 'due_soon-14', '2026-01-19');
    expect(id).toBe('0b6b0a52-54a4-4f8e-9a43-3c1f0b1f5e0e%2Fadvice-ep_1_due_soon-14_2026-01-19');
    expect(id).not.toMatch(/[:/]/);
    expect(alertJobId('case:1/advice-x', 'overdue', '2026-01-19')).not.toContain(':');
  });

  it('keep distinct deadlines distinct', () => {
    expect(alertJobId('a:b', 'overdue', '2026-01-19')).not.toBe(alertJobId('a%3Ab', 'overdue', '2026-01-19'));
  });

  it('name one delivery per notification and channel', () => {
    expect(deliveryJobId('7d1c', 'webhook')).toBe('7d1c_webhook');
  });
});
