import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { CaseStreamReader } from '../case-events/case-stream.reader';
import { familyLinkTokenHashOf, newFamilyLinkToken } from '../family/family-link-token';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { FamilyLinkIssuedResponseDto } from './shared/command-response.dto';

export class IssueFamilyLinkDto {
  @ApiProperty({
    type: 'integer',
    required: false,
    minimum: 1,
    maximum: 365,
    example: 90,
    description: 'How many days after today the link still works. Default: FAMILY_LINK_DAYS (90).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}

@ApiTags('case commands')
@Controller('cases')
export class IssueFamilyLinkController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
    private readonly reader: CaseStreamReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':caseId/family-links')
  @CommandEndpoint({
    summary: "Send the family a private link to their child's case",
    description:
      '(2nd ed.) A random token (32 bytes) makes the link `${WEB_URL}/family/<token>`: no sign-in, the ' +
      "case's steps and dates in plain words (POST /family/view). Only the token's SHA-256 hash is kept, " +
      'so the link is answered once (`url`); a repeat with the same Idempotency-Key answers `url: null`. ' +
      "A new link stops the case's previous one. Works on a closed case too. Returns `linkId`, `url` and " +
      '`expiresOn` (today + expiresInDays). 404 CASE_NOT_FOUND; 409 PERSONAL_DATA_ERASED; ' +
      '400 VALIDATION_FAILED naming `expiresInDays` (a whole number of days, 1 to 365).',
    created: true,
    body: IssueFamilyLinkDto,
    response: FamilyLinkIssuedResponseDto,
    example: { expiresInDays: 90 },
    shownOnce: ['url'],
  })
  async issueFamilyLink(
    @CaseIdParam() caseId: string,
    @Body() body: IssueFamilyLinkDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<FamilyLinkIssuedResponseDto> {
    const linkId = this.ids.idFor(context, 'linkId');
    // The token lives only in this request and its answer: never logged, never stored.
    const token = newFamilyLinkToken();
    const tokenHash = familyLinkTokenHashOf(token);
    const expiresInDays = body.expiresInDays ?? this.config.FAMILY_LINK_DAYS;
    const data = { linkId, tokenHash, expiresInDays };
    const response = await this.commandBus.execute(
      new CaseCommand(caseId, { type: 'IssueFamilyLink', data }, context),
    );
    const link = await this.issued(caseId, linkId);
    // A repeat under the same Idempotency-Key that the event store replayed kept the first token's
    // hash: this request's token opens nothing, so no URL is given.
    const url = link.tokenHash === tokenHash ? `${this.config.WEB_URL}/family/${token}` : null;
    return { ...response, linkId, url, expiresOn: link.expiresOn };
  }

  /** The link as the case now holds it (the event store's, always current). */
  private async issued(caseId: string, linkId: string): Promise<{ tokenHash: string; expiresOn: string }> {
    const { state } = await this.reader.loadExisting(caseId);
    const link = state.familyLinks.find((candidate) => candidate.linkId === linkId);
    if (!link) throw new Error('an accepted IssueFamilyLink left no link on the case');
    return link;
  }
}
