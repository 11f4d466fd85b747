/** The roles API.md defines; any other role a token carries is ignored (see README). */
export const ROLES = ['caseworker', 'manager', 'qa_officer', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** The verified caller: `id` is the token's `sub`, recorded on every event it causes. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly teams: readonly string[];
}

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}
