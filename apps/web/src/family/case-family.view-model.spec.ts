import type { CaseEventJson } from '../pages/case-api.types';
import { childViewsRowsOf, familyLinkSectionOf } from './case-family.view-model';

const viewsEvent = (viewsId: string, summary: string | null): CaseEventJson => ({
  revision: 3,
  type: 'ViewsRecorded',
  recordedAt: '2025-02-01T10:00:00Z',
  data: {
    viewsId,
    gatheredOn: '2025-02-01',
    method: 'meeting',
    stage: 'assessment',
    personal: summary ? { summary } : null,
  },
  metadata: { userId: 'cw-1' },
});

describe('the case page’s sections of issue 17', () => {
  it('lists the child’s views, earliest first, with the summary from their event', () => {
    const rows = childViewsRowsOf(
      [
        { viewsId: 'v2', gatheredOn: '2025-03-01', method: 'advocate', stage: 'draft' },
        { viewsId: 'v1', gatheredOn: '2025-02-01', method: 'meeting', stage: 'assessment' },
      ],
      [viewsEvent('v1', 'Likes drawing; finds noise hard.'), viewsEvent('v2', null)],
    );
    expect(rows).toEqual([
      {
        gatheredOn: '1 February 2025',
        method: 'At a meeting',
        stage: 'Assessment',
        summary: 'Likes drawing; finds noise hard.',
      },
      {
        gatheredOn: '1 March 2025',
        method: 'Through an advocate',
        stage: 'Draft plan',
        summary: 'No summary recorded',
      },
    ]);
  });

  describe('the family’s link', () => {
    const link = { linkId: 'l1', issuedOn: '2025-03-01', expiresOn: '2025-05-30' };

    it('given no link, offers to send one', () => {
      expect(familyLinkSectionOf(null, '2025-03-02', null)).toEqual({
        link: null,
        justSent: null,
        sendButton: 'Send the family a link',
      });
    });

    it('given a link, works through its expiresOn, and offers a new one instead', () => {
      const section = familyLinkSectionOf(link, '2025-05-30', null);
      expect(section.link).toEqual({
        linkId: 'l1',
        status: 'active',
        text: 'Sent on 1 March 2025. It works until 30 May 2025.',
      });
      expect(section.sendButton).toBe('Send the family a new link');
    });

    it('given the day after expiresOn, says it stopped working', () => {
      const section = familyLinkSectionOf(link, '2025-05-31', null);
      expect(section.link?.status).toBe('expired');
      expect(section.link?.text).toContain('stopped working after 30 May 2025');
      expect(section.sendButton).toBe('Send the family a link');
    });

    it('shows a link just sent once, with its expiry written out', () => {
      const section = familyLinkSectionOf(link, '2025-03-01', {
        url: 'http://localhost:3003/family/abc',
        expiresOn: '2025-05-30',
      });
      expect(section.justSent).toEqual({ url: 'http://localhost:3003/family/abc', expiresOn: '30 May 2025' });
    });
  });
});
