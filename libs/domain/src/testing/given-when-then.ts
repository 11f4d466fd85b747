import { decide } from '../ehcp-case/ehcp-case.decider';
import type { EhcpCaseCommand } from '../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import type { DomainErrorCode } from '../shared/domain-error';
import { DomainError, DOMAIN_ERROR_KINDS } from '../shared/domain-error';

/**
 * Given/When/Then specifications of the decider (DESIGN.md):
 * `given(events).when(command).then(events)` or `.thenThrows(code)`. `then` also folds the decided
 * events, so every specification checks that evolve accepts what decide returns.
 */
export function given(events: readonly EhcpCaseEvent[]) {
  return {
    when(command: EhcpCaseCommand) {
      const state = replay(events);
      return {
        then(expected: readonly EhcpCaseEvent[]): void {
          const decided = decide(command, state);
          expect(decided).toEqual(expected);
          expect(() => replay(decided, state)).not.toThrow();
        },
        /** `field`: the input an invalid command is refused for, as the error names it. */
        thenThrows(code: DomainErrorCode, field?: string): void {
          let thrown: unknown;
          try {
            decide(command, state);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect(thrown).toMatchObject({ code, kind: DOMAIN_ERROR_KINDS[code] });
          // Invalid input always names the field it is about (API.md: every 400 names its field).
          if (DOMAIN_ERROR_KINDS[code] === 'invalid')
            expect(thrown).toMatchObject({ field: field ?? expect.any(String) });
        },
      };
    },
  };
}
