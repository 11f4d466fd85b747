import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField } from './shared/dto-fields';

export class DecideNotToAmendDto {
  @DateField({ example: '2026-06-10' })
  decidedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class DecideNotToAmendController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/amendment-notices/:noticeId/no-amendment')
  @CommandEndpoint({
    summary: 'Decide not to amend the plan after all',
    description:
      'Closes the amendment notice and meets its `amended_plan` deadline (reg 22(4)); the plan stays as it was.',
    body: DecideNotToAmendDto,
    params: [
      { name: 'noticeId', description: 'The amendment notice, as returned by POST amendment-notices' },
    ],
    example: { decidedOn: '2026-06-10' },
  })
  decideNotToAmend(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('noticeId') noticeId: string,
    @Body() body: DecideNotToAmendDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { noticeId, decidedOn: body.decidedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'DecideNotToAmend', data }, context));
  }
}
