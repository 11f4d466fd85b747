import { navigationFor, startPageFor } from './start-page';

describe('startPageFor', () => {
  it('sends each role to its start page', () => {
    expect(startPageFor(['caseworker'])).toBe('/cases');
    expect(startPageFor(['admin'])).toBe('/cases');
    expect(startPageFor(['manager'])).toBe('/timeliness');
    expect(startPageFor(['qa_officer'])).toBe('/qa');
    expect(startPageFor(['qa_officer', 'caseworker'])).toBe('/cases');
    expect(startPageFor([])).toBe('/no-access');
  });
});

describe('navigationFor', () => {
  it('shows the pages the roles open and marks the current one', () => {
    expect(navigationFor(['caseworker'], '/cases/abc')).toEqual([
      { href: '/cases', text: 'My cases', active: true },
    ]);
    expect(navigationFor(['manager', 'qa_officer'], '/qa').map((i) => [i.text, i.active])).toEqual([
      ['Timeliness', false],
      ['Quality assurance', true],
    ]);
  });
});
