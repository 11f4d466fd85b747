import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField } from './shared/dto-fields';

export class ReceiveAmendmentRepresentationsDto {
  @DateField({ example: '2026-05-28' })
  receivedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class ReceiveAmendmentRepresentationsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/amendment-notices/:noticeId/representations')
  @CommandEndpoint({
    summary: 'Record representations on an amendment notice',
    body: ReceiveAmendmentRepresentationsDto,
    params: [
      { name: 'noticeId', description: 'The amendment notice, as returned by POST amendment-notices' },
    ],
    example: { receivedOn: '2026-05-28' },
  })
  receiveAmendmentRepresentations(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('noticeId') noticeId: string,
    @Body() body: ReceiveAmendmentRepresentationsDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { noticeId, receivedOn: body.receivedOn };
    return this.commandBus.execute(
      new CaseCommand(caseId, { type: 'ReceiveAmendmentRepresentations', data }, context),
    );
  }
}
