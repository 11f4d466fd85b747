import { fieldId, govukErrorsFrom } from './problem-errors';

describe('govukErrorsFrom', () => {
  it('links each error to its field and gives each field its first message', () => {
    const result = govukErrorsFrom([
      { field: 'requestDate', message: 'Enter the date of the request' },
      { field: 'child.dateOfBirth', message: 'Date of birth must be in the past' },
      { field: 'requestDate', message: 'A second message' },
    ]);
    expect(result.errorList).toEqual([
      { text: 'Enter the date of the request', href: '#requestDate' },
      { text: 'Date of birth must be in the past', href: '#child-dateOfBirth' },
      { text: 'A second message', href: '#requestDate' },
    ]);
    expect(result.fields).toEqual({
      requestDate: { text: 'Enter the date of the request' },
      'child.dateOfBirth': { text: 'Date of birth must be in the past' },
    });
  });

  it('uses the page’s own ids where they differ, and links fieldless errors to the form', () => {
    const result = govukErrorsFrom(
      [
        { field: 'decisionDate', message: 'Enter a date' },
        { field: '', message: 'The case has moved on' },
      ],
      { decisionDate: 'decisionDate-day' },
      'record-step',
    );
    expect(result.errorList.map((e) => e.href)).toEqual(['#decisionDate-day', '#record-step']);
    expect(Object.keys(result.fields)).toEqual(['decisionDate']);
  });
});

describe('fieldId', () => {
  it('turns JSON pointers and paths into ids', () => {
    expect(fieldId('/child/dateOfBirth')).toBe('child-dateOfBirth');
    expect(fieldId('items[0].name')).toBe('items-0-name');
    expect(fieldId('')).toBe('main-content');
  });
});
