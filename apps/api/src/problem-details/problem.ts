import type { FieldError } from './api-problem';

/** What the problem-details filter writes for one error, before the request's own members. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly title?: string;
  readonly errors?: readonly FieldError[];
  readonly headers?: Readonly<Record<string, string>>;
}
