import { z } from 'zod';

/** A team code: a short slug such as `north` (API.md). The api's `team` fields take the same. */
export const TEAM_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/;

const MAX_TEAM_NAME = 100;
// Display names reach pages and e-mails: one line, no control characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** One configured team: its code, as tokens and cases carry it, and the name people read. */
export interface TeamSetting {
  readonly code: string;
  readonly name: string;
}

/**
 * `TEAMS`: comma-separated team codes, each optionally `code=Display name` (API.md), e.g.
 * `north=North team,south=South team`. The name defaults to the code; a code may appear once.
 */
export const teamsSetting = z.string().transform((value, ctx): TeamSetting[] => {
  const teams: TeamSetting[] = [];
  for (const entry of value.split(',')) {
    const problem = entryProblem(entry, teams);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    else teams.push(teamOf(entry));
  }
  return teams;
});

function teamOf(entry: string): TeamSetting {
  const [code, ...name] = entry.split('=');
  const trimmedCode = code.trim();
  return { code: trimmedCode, name: name.length > 0 ? name.join('=').trim() : trimmedCode };
}

function entryProblem(entry: string, earlier: readonly TeamSetting[]): string | undefined {
  if (entry.trim() === '') return 'must list team codes separated by commas, e.g. north=North team,south';
  const { code, name } = teamOf(entry);
  if (!TEAM_CODE_PATTERN.test(code))
    return `"${code}" is not a team code: letters, digits, "-" or "_", at most 50`;
  if (name === '' || name.length > MAX_TEAM_NAME || CONTROL_CHARACTERS.test(name))
    return `the name of team ${code} must be 1-${MAX_TEAM_NAME} characters on one line`;
  if (earlier.some((team) => team.code === code)) return `team ${code} is listed twice`;
  return undefined;
}
