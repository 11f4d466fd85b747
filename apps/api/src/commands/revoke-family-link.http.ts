import { Controller, Delete } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';

@ApiTags('case commands')
@Controller('cases')
export class RevokeFamilyLinkController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':caseId/family-links/:linkId')
  @CommandEndpoint({
    summary: "Stop the family's private link",
    description:
      '(2nd ed.) From today the link shows the family a page saying it no longer works. ' +
      '404 CASE_NOT_FOUND, 404 FAMILY_LINK_NOT_FOUND; 409 FAMILY_LINK_REVOKED (already stopped or replaced).',
    params: [{ name: 'linkId', description: 'The link, as returned by POST family-links' }],
  })
  revokeFamilyLink(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('linkId') linkId: string,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(
      new CaseCommand(caseId, { type: 'RevokeFamilyLink', data: { linkId } }, context),
    );
  }
}
