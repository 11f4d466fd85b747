import { replay } from '../../ehcp-case/ehcp-case.evolve';
import type { EhcpCase } from '../../ehcp-case/ehcp-case.state';
import { CHILD, on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

// DOMAIN.md (2nd ed.) "Corrections": the child's personal details can be corrected, with a reason;
// DESIGN.md "Personal data": they travel only in the event's encrypted `personal` block.

const corrected = { ...CHILD, lastName: 'Khan-Ali' };
const correctChild = (child = corrected, reason = 'surname misspelt') =>
  command('CorrectChild', { ...child, reason });

describe('CorrectChild', () => {
  it("corrects the child's details, the reason with them in the personal block", () => {
    given(history.planMaintained)
      .when(correctChild())
      .then([on.childCorrected(corrected)]);
  });

  it('corrects them on a closed case too', () => {
    given(history.closed)
      .when(correctChild())
      .then([on.childCorrected(corrected)]);
  });

  it('changes nothing the case is decided on, and keeps no personal data in the state', () => {
    const before = replay(history.planMaintained) as EhcpCase;
    const after = replay([on.childCorrected(corrected)], before);
    expect(after).toEqual({ ...before, history: { ...before.history, revision: 8 } });
    expect(JSON.stringify(after)).not.toContain('Khan-Ali');
  });

  it('refuses once the personal data is erased: PERSONAL_DATA_ALREADY_ERASED', () => {
    given([...history.planMaintained, on.erased('2026-02-01')])
      .when(correctChild())
      .thenThrows('PERSONAL_DATA_ALREADY_ERASED');
  });

  it.each([
    ['2016-02-30', 'INVALID_DATE'],
    ['1899-12-31', 'INVALID_DATE'],
    ['2028-01-01', 'DATE_IN_FUTURE'],
  ] as const)('refuses a date of birth %s: %s naming dateOfBirth', (dateOfBirth, code) => {
    given(history.requested)
      .when(correctChild({ ...corrected, dateOfBirth }))
      .thenThrows(code, 'dateOfBirth');
  });

  it.each(['', '  '])('refuses a correction without a reason (%j): CORRECTION_REASON_REQUIRED', (reason) => {
    given(history.requested)
      .when(correctChild(corrected, reason))
      .thenThrows('CORRECTION_REASON_REQUIRED', 'reason');
  });
});
