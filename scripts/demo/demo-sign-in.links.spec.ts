import { demoSignInLinks } from './demo-sign-in.links';

describe('the demo sign-in links', () => {
  it('gives a caseworker of each team, then a manager, a QA officer and an admin of every team', () => {
    const links = demoSignInLinks('http://127.0.0.1:3003', ['north', 'south']);
    expect(links).toEqual([
      {
        who: 'Caseworker, north team',
        url: 'http://127.0.0.1:3003/dev/sign-in?sub=demo-caseworker-north&role=caseworker&teams=north',
      },
      {
        who: 'Caseworker, south team',
        url: 'http://127.0.0.1:3003/dev/sign-in?sub=demo-caseworker-south&role=caseworker&teams=south',
      },
      {
        who: 'Manager, all teams',
        url: 'http://127.0.0.1:3003/dev/sign-in?sub=demo-manager&role=manager&teams=north,south',
      },
      {
        who: 'QA officer, all teams',
        url: 'http://127.0.0.1:3003/dev/sign-in?sub=demo-qa-officer&role=qa_officer&teams=north,south',
      },
      { who: 'Admin', url: 'http://127.0.0.1:3003/dev/sign-in?sub=demo-admin&role=admin&teams=north,south' },
    ]);
  });
});
