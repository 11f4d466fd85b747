import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@ehcp/config';
import {
  caseStreamOf,
  decodeCaseEvent,
  deadlinesOf,
  ehcpCaseDecider,
  isDomainError,
  type EhcpCaseCommand,
} from '@ehcp/domain';
import { DeciderCommandRunner } from '@ehcp/event-store';
import { FamilyLinkQuery, type FamilyLinkRecord } from '@ehcp/read-models';
import { CaseStreamReader } from '../case-events/case-stream.reader';
import { commandsHandled, eventsAppended } from '../metrics/api-metrics';
import { FamilyLinkUnavailable } from './family-link-unavailable.error';
import { familyLinkTokenHashOf, isFamilyLinkToken } from './family-link-token';
import type { FamilyViewDto } from './family-view.dto';
import { familyViewOf } from './family-view.of';

/**
 * A family opening their link: find the link by its token's hash, record the view on the case (the
 * domain refuses a stopped, run-out or erased one), then read the case from the event store, as
 * current as the view just recorded, and tell it in the family's terms.
 */
@Injectable()
export class FamilyViewService {
  private readonly teamNames: ReadonlyMap<string, string>;

  constructor(
    private readonly links: FamilyLinkQuery,
    private readonly runner: DeciderCommandRunner,
    private readonly reader: CaseStreamReader,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.teamNames = new Map((config.TEAMS ?? []).map((team) => [team.code, team.name]));
  }

  async view(token: string, correlationId: string): Promise<FamilyViewDto> {
    // Not of our making: no query, and the same answer as an unknown one.
    if (!isFamilyLinkToken(token)) throw new FamilyLinkUnavailable('FAMILY_LINK_NOT_FOUND');
    const link = await this.links.byTokenHash(familyLinkTokenHashOf(token));
    if (!link) throw new FamilyLinkUnavailable('FAMILY_LINK_NOT_FOUND');
    const today = this.clock.today();
    await this.recordView(link, today, correlationId);
    const { state, events } = await this.reader.loadExisting(link.caseId);
    return familyViewOf({
      state,
      events: events.map(decodeCaseEvent),
      deadlines: deadlinesOf(state, { counting: this.config.DEADLINE_COUNTING }),
      linkId: link.linkId,
      teamName: this.teamNames.get(state.team) ?? state.team,
      asOf: today,
    });
  }

  /**
   * RecordFamilyView through the decider runner, as the link itself rather than a member of staff:
   * no team check (the token is the family's authority), and the history says `family-link:<linkId>`.
   */
  private async recordView(link: FamilyLinkRecord, today: string, correlationId: string): Promise<void> {
    const command: EhcpCaseCommand = { type: 'RecordFamilyView', data: { linkId: link.linkId }, today };
    try {
      const result = await this.runner.run(ehcpCaseDecider, {
        streamName: caseStreamOf(link.caseId),
        command,
        context: { userId: `family-link:${link.linkId}`, correlationId },
      });
      commandsHandled.inc({ command: command.type, outcome: 'accepted' });
      for (const event of result.events) eventsAppended.inc({ type: event.type });
    } catch (error) {
      const refusal = isDomainError(error) ? FamilyLinkUnavailable.of(error) : undefined;
      commandsHandled.inc({ command: command.type, outcome: refusal ? 'refused' : 'error' });
      throw refusal ?? error;
    }
  }
}
