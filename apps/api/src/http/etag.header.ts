import type { Response } from 'express';

/** `ETag: "<revision>"` on every response whose body carries the case's revision (API.md). */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/** Sets the ETag a command's body implies: its `revision`, when it has one. */
export function setRevisionEtag(response: Response, body: unknown): void {
  const revision = (body as { revision?: unknown } | null)?.revision;
  if (typeof revision === 'number' && Number.isInteger(revision) && revision >= 0)
    response.setHeader('ETag', etagOf(revision));
}
