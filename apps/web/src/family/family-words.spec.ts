import { DEADLINE_KINDS } from '@ehcp/domain';
import { FAMILY_WORDS } from './family-words';

// Issue 17: a family (and a child of 9 to 11) reads these. Short sentences, no codes or citations.
describe('the family’s words for each statutory step', () => {
  it.each(DEADLINE_KINDS.map((kind) => [kind]))('%s has words for due, done and the law', (kind) => {
    const words = FAMILY_WORDS[kind];
    for (const text of [words.due, words.done, words.law]) {
      expect(text.trim()).toBe(text);
      expect(text).not.toMatch(/\breg(ulation)?\b|\bs\d|\b[a-z]+_[a-z]+\b|CoP|SEND Regs/i);
    }
    expect(words.due).not.toBe(words.done);
    // One or two short sentences: no sentence of more than 25 words.
    for (const sentence of words.law.split(/(?<=\.)\s+/))
      expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(25);
    expect(words.law).toMatch(/\.$/);
  });

  it('says the decision whether to assess is due within 6 weeks of the request (reg 5(1))', () => {
    expect(FAMILY_WORDS.decision_to_assess.law).toBe(
      'The council must tell you whether it will assess your child within 6 weeks of your request.',
    );
    expect(FAMILY_WORDS.final_plan.law).toContain('within 20 weeks of your request');
  });
});
