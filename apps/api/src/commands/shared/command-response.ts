import type { CaseCommandOutcome } from './case-command.executor';
import type { CommandResponseDto } from './command-response.dto';

/** API.md: every command answers `{ caseId, revision, position }`. */
export function responseOf(outcome: CaseCommandOutcome): CommandResponseDto {
  return { caseId: outcome.caseId, revision: outcome.revision, position: outcome.position };
}
