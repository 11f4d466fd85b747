import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  ALERT_KINDS,
  DEADLINE_STATES,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type AlertKind,
} from '@ehcp/alerts';
import { ApiNullableRefProperty } from '../openapi/nullable-ref.property';
import { DeadlineDto } from '../queries/deadline.dto';
import { PageParam, PageSizeParam } from '../queries/query-params';
import { IsCaseId } from '../validation/ids';

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsCaseId()
  caseId?: string;

  @ApiPropertyOptional({ enum: ALERT_KINDS })
  @IsOptional()
  @IsIn(ALERT_KINDS)
  kind?: AlertKind;

  @PageParam()
  page: number = 1;

  @PageSizeParam()
  pageSize: number = 50;
}

export class NotificationDeliveryDto {
  @ApiProperty({ enum: DELIVERY_CHANNELS })
  channel!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, description: "'failed' once every retry failed" })
  status!: string;

  @ApiProperty({ type: 'integer', example: 1 })
  attempts!: number;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid', description: 'Also the `id` of the webhook body' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'final_plan', description: "The deadline's id within its case" })
  deadlineId!: string;

  @ApiProperty({ enum: ALERT_KINDS })
  kind!: string;

  @ApiProperty({ format: 'date', example: '2026-01-19' })
  dueOn!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [NotificationDeliveryDto] })
  deliveries!: NotificationDeliveryDto[];

  @ApiProperty({
    enum: DEADLINE_STATES,
    enumName: 'NotificationDeadlineState',
    description:
      'What became of the deadline since the alert: `open` (still open on the alerted due date), `met`, ' +
      '`cancelled`, `moved` (to another due date), or `gone`',
  })
  deadlineState!: string;

  @ApiNullableRefProperty(
    DeadlineDto,
    'The deadline as it stands now (status on today, Europe/London); null once gone',
  )
  deadline!: DeadlineDto | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] })
  items!: NotificationDto[];

  @ApiProperty({ type: 'integer' })
  total!: number;
}
