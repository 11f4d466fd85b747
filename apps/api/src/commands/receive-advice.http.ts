import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField } from './shared/dto-fields';

export class ReceiveAdviceDto {
  @DateField({ example: '2025-03-10' })
  receivedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class ReceiveAdviceController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/advice-requests/:adviceId/received')
  @CommandEndpoint({
    summary: 'Record advice received',
    description: "Meets that advice request's deadline.",
    body: ReceiveAdviceDto,
    params: [{ name: 'adviceId', description: 'The advice request, as returned by POST advice-requests' }],
    example: { receivedOn: '2025-03-10' },
  })
  receiveAdvice(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('adviceId') adviceId: string,
    @Body() body: ReceiveAdviceDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { adviceId, receivedOn: body.receivedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'ReceiveAdvice', data }, context));
  }
}
