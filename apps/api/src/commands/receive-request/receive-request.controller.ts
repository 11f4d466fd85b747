import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { ReceiveRequestCommand } from './receive-request.command';
import { ReceiveRequestDto } from './receive-request.dto';

@ApiTags('case commands')
@Controller('cases')
export class ReceiveRequestController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Receive a request for an EHC needs assessment (opens the case)',
    description:
      "Week 0 of every initial-assessment clock. 409 CASE_ALREADY_EXISTS if `caseId` is taken. The child's name and date of birth are encrypted at rest.",
    created: true,
    newCase: true,
    body: ReceiveRequestDto,
    example: {
      team: 'north',
      requestReceivedOn: '2025-01-06',
      requestedBy: 'parent',
      child: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
      reference: 'EHC-2025-0042',
    },
  })
  receiveRequest(
    @Body() body: ReceiveRequestDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(new ReceiveRequestCommand(body, context));
  }
}
