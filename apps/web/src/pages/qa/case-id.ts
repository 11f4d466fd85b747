import { NotFoundException } from '@nestjs/common';
import { isCaseId } from './qa-start.view-model';

/** A case route's id: the api answers 400 for a malformed one, which a person sees as "Page not found". */
export function caseIdOrNotFound(caseId: string): string {
  if (!isCaseId(caseId)) throw new NotFoundException();
  return caseId.toLowerCase();
}

/** GET /cases/{caseId}: the fields these pages show. */
export interface CaseHeader {
  caseId: string;
  reference: string | null;
  team: string;
  stage: string;
  child: { firstName: string; lastName: string; dateOfBirth: string } | null;
}
