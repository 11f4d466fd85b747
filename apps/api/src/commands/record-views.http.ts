import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { VIEWS_METHODS, VIEWS_STAGES, type ViewsMethod, type ViewsStage } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { ViewsRecordedResponseDto } from './shared/command-response.dto';
import { DateField, EnumField, LONG_TEXT, SubResourceIdField, TextField } from './shared/dto-fields';

export class RecordViewsDto {
  @SubResourceIdField('The id of this record of views.')
  viewsId?: string;

  @DateField({ example: '2025-02-20', description: 'The day the views were gathered.' })
  gatheredOn!: string;

  @EnumField(VIEWS_METHODS, 'ViewsMethod', { example: 'meeting', description: 'How they were gathered.' })
  method!: ViewsMethod;

  @EnumField(VIEWS_STAGES, 'ViewsStage', {
    example: 'assessment',
    description: 'What they were gathered for: the assessment, the draft plan or a review.',
  })
  stage!: ViewsStage;

  @TextField(LONG_TEXT, {
    optional: true,
    example: 'Likes drawing and the quiet room; finds the dinner hall too loud.',
    description:
      "A short summary in the child's or young person's own words: personal data, encrypted with the " +
      "case's key and erased with the child's details. Shown to the family on their page.",
  })
  summary?: string | null;
}

@ApiTags('case commands')
@Controller('cases')
export class RecordViewsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/views')
  @CommandEndpoint({
    summary: "Record that the child's or young person's views were gathered",
    description:
      '(2nd ed.) CFA 2014 s19(a)-(c) and SEND Regs 2014 reg 6(1)(a)-(b): the views, wishes and feelings of ' +
      'the child and their parent, or of the young person, are gathered for the assessment, the draft plan ' +
      'and each review. Meets no deadline; counted in the SEN2 `plans_issued_with_views` and ' +
      '`reviews_held_with_views`. Returns `viewsId`. `draft` needs a draft plan issued, `review` a plan. ' +
      '404 CASE_NOT_FOUND; 409 VIEWS_ALREADY_EXISTS (`viewsId` taken), 409 VIEWS_STAGE_NOT_REACHED, ' +
      '409 DATE_BEFORE_REQUEST, 409 CASE_CLOSED; 400 VALIDATION_FAILED naming a date after today, ' +
      '400 INVALID_TEXT.',
    created: true,
    body: RecordViewsDto,
    response: ViewsRecordedResponseDto,
    example: {
      gatheredOn: '2025-02-20',
      method: 'meeting',
      stage: 'assessment',
      summary: 'Likes drawing and the quiet room; finds the dinner hall too loud.',
    },
  })
  async recordViews(
    @CaseIdParam() caseId: string,
    @Body() body: RecordViewsDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<ViewsRecordedResponseDto> {
    const viewsId = this.ids.idFor(context, 'viewsId', body.viewsId);
    const { gatheredOn, method, stage } = body;
    const data = { viewsId, gatheredOn, method, stage, summary: body.summary ?? null };
    const command = new CaseCommand(caseId, { type: 'RecordViews', data }, context);
    return { ...(await this.commandBus.execute(command)), viewsId };
  }
}
