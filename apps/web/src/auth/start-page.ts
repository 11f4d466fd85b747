import type { Role } from '@ehcp/auth';

/** A user's start page by role: casework first, then the dashboard, then quality assurance. */
export function startPageFor(roles: readonly Role[]): string {
  if (roles.includes('caseworker') || roles.includes('admin')) return '/cases';
  if (roles.includes('manager')) return '/timeliness';
  if (roles.includes('qa_officer')) return '/qa';
  return '/no-access';
}

export interface NavigationItem {
  href: string;
  text: string;
  active: boolean;
}

/** The service navigation a user's roles open (sign-out is a form in the layout, as it posts). */
export function navigationFor(roles: readonly Role[], currentPath: string): NavigationItem[] {
  const items = [
    { href: '/cases', text: 'My cases', show: roles.includes('caseworker') || roles.includes('admin') },
    { href: '/timeliness', text: 'Timeliness', show: roles.includes('manager') || roles.includes('admin') },
    { href: '/qa', text: 'Quality assurance', show: roles.includes('qa_officer') || roles.includes('admin') },
  ];
  return items
    .filter((item) => item.show)
    .map(({ href, text }) => ({
      href,
      text,
      active: currentPath === href || currentPath.startsWith(`${href}/`),
    }));
}
