import { decide } from '../ehcp-case/ehcp-case.decider';
import type { EhcpCaseCommand } from '../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import type { DomainErrorCode } from '../shared/domain-error';
import { DomainError, DOMAIN_ERROR_STATUS } from '../shared/domain-error';

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
        thenThrows(code: DomainErrorCode): void {
          let thrown: unknown;
          try {
            decide(command, state);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect(thrown).toMatchObject({ code, httpStatus: DOMAIN_ERROR_STATUS[code] });
        },
      };
    },
  };
}
