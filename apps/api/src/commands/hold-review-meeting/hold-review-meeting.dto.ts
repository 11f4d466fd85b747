import { DateField, SubResourceIdField } from '../shared/dto-fields';

export class HoldReviewMeetingDto {
  @SubResourceIdField('The review id.')
  reviewId?: string;

  @DateField({ example: '2026-05-01' })
  meetingHeldOn!: string;
}
