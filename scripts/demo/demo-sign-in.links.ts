import type { Role } from '@ehcp/auth';

export interface SignInLink {
  readonly who: string;
  readonly url: string;
}

/**
 * The web app's development sign-in (API.md "Web routes": `/dev/sign-in?sub=&role=&teams=a,b`) for the
 * people the demo is for: a caseworker of each team, and a manager, a QA officer and an admin of all.
 */
export function demoSignInLinks(webUrl: string, teams: readonly string[]): SignInLink[] {
  const link = (who: string, sub: string, role: Role, of: readonly string[]): SignInLink => {
    // Commas kept as they are (`teams=a,b`, as API.md writes it): the link is read and pasted by people.
    const teamList = of.map(encodeURIComponent).join(',');
    const query = `sub=${encodeURIComponent(sub)}&role=${encodeURIComponent(role)}&teams=${teamList}`;
    return { who, url: `${webUrl}/dev/sign-in?${query}` };
  };
  return [
    ...teams.map((team) => link(`Caseworker, ${team} team`, `demo-caseworker-${team}`, 'caseworker', [team])),
    link('Manager, all teams', 'demo-manager', 'manager', teams),
    link('QA officer, all teams', 'demo-qa-officer', 'qa_officer', teams),
    link('Admin', 'demo-admin', 'admin', teams),
  ];
}
