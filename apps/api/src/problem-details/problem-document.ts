import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class FieldErrorDocument {
  @ApiProperty({ example: 'child.dateOfBirth', description: 'Body path, path parameter or header name' })
  field!: string;

  @ApiProperty({ example: 'dateOfBirth must be a calendar date YYYY-MM-DD' })
  message!: string;
}

/** RFC 9457 problem document: every error the API returns has this shape. */
export class ProblemDocument {
  @ApiProperty({
    example: 'urn:ehcp:problem:final-plan-before-draft',
    description: 'Identifies the problem type',
  })
  type!: string;

  @ApiProperty({ example: 'Conflict' })
  title!: string;

  @ApiProperty({ example: 409 })
  status!: number;

  @ApiProperty({ example: 'No draft plan has been issued' })
  detail!: string;

  @ApiProperty({
    example: 'FINAL_PLAN_BEFORE_DRAFT',
    description:
      'Stable machine-readable code: a domain refusal (libs/domain error codes), UNAUTHENTICATED, ' +
      'FORBIDDEN_ROLE, FORBIDDEN_TEAM, RATE_LIMITED, VALIDATION_FAILED, MALFORMED_JSON, PAYLOAD_TOO_LARGE, ' +
      'UNSUPPORTED_MEDIA_TYPE, NOT_FOUND, CONCURRENT_MODIFICATION, IDEMPOTENCY_KEY_REUSED, ' +
      'REVISION_MISMATCH, SERVICE_UNAVAILABLE or INTERNAL',
  })
  code!: string;

  @ApiPropertyOptional({
    type: [FieldErrorDocument],
    description: 'Each bad field (400; 413 names the body)',
  })
  errors?: FieldErrorDocument[];

  @ApiPropertyOptional({ example: '/cases/0b6b0a52-54a4-4f8e-9a43-3c1f0b1f5e0e/final-plan' })
  instance?: string;

  @ApiPropertyOptional({
    example: '5f0c6b1e-8f5e-4d7a-9b1a-2b8f1d3c4e5f',
    description: 'x-correlation-id of the request',
  })
  correlationId?: string;
}

/** An OpenAPI error response: a problem document. Add ApiExtraModels(ProblemDocument) where used. */
export const ApiProblemResponse = (status: number, description: string) =>
  ApiResponse({
    status,
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDocument) } } },
  });
