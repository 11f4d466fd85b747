import { REVIEW_DECISIONS, type ReviewDecision } from '@ehcp/domain';
import { DateField, EnumField } from '../shared/dto-fields';

export class DecideReviewDto {
  @EnumField(REVIEW_DECISIONS, 'ReviewDecision', { example: 'amend' })
  decision!: ReviewDecision;

  @DateField({ example: '2026-05-15' })
  decidedOn!: string;
}
