import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField } from './shared/dto-fields';

export class EndExceptionDto {
  @DateField({ example: '2025-03-20' })
  endedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class EndExceptionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/exceptions/:exceptionId/end')
  @CommandEndpoint({
    summary: 'End a timescale exception',
    body: EndExceptionDto,
    params: [{ name: 'exceptionId', description: 'The exception, as returned by POST exceptions' }],
    example: { endedOn: '2025-03-20' },
  })
  endException(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('exceptionId') exceptionId: string,
    @Body() body: EndExceptionDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { exceptionId, endedOn: body.endedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'EndException', data }, context));
  }
}
