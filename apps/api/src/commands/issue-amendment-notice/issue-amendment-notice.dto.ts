import { DateField, SubResourceIdField } from '../shared/dto-fields';

export class IssueAmendmentNoticeDto {
  @SubResourceIdField('The amendment notice id.')
  noticeId?: string;

  @DateField({ example: '2026-05-20' })
  issuedOn!: string;
}
