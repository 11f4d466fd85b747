import { applyDecorators, HttpCode, HttpStatus, UseFilters, UseGuards, type Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiResponse,
} from '@nestjs/swagger';
import { CASE_COMMAND_ROLES, Roles, type Role } from '@ehcp/auth';
import { AnswersCommand } from '../../http/answers-command.decorator';
import { CommandExceptionFilter } from '../../http/command-exception.filter';
import { ApiIfMatch } from '../../http/command-headers';
import { IdempotencyGuard } from '../../idempotency/idempotency.guard';
import { ApiProblemResponse, ProblemDocument } from '../../problem-details/problem-document';
import { CommandResponseDto } from './command-response.dto';

export interface CommandEndpointOptions {
  readonly summary: string;
  readonly description?: string;
  /** 201 (a case or sub-resource is created) or 200. */
  readonly created?: boolean;
  readonly roles?: readonly Role[];
  readonly body?: Type<unknown>;
  /** A valid request body, shown in Swagger UI's "Try it out". */
  readonly example?: Record<string, unknown>;
  readonly response?: Type<unknown>;
  /** Path parameters after `caseId` (e.g. `adviceId`); `caseId` is documented unless `newCase`. */
  readonly params?: readonly { name: string; description: string }[];
  readonly newCase?: boolean;
  /** Response fields answered once and never kept (a secret): a repeat under the same Idempotency-Key answers them as null. */
  readonly shownOnce?: readonly string[];
}

const problem = ApiProblemResponse;

/**
 * Everything a command route shares: roles, status code, ETag and Idempotency-Key handling, and its
 * OpenAPI description (headers, example body, success and problem responses).
 */
export function CommandEndpoint(options: CommandEndpointOptions): MethodDecorator {
  const status = options.created ? HttpStatus.CREATED : HttpStatus.OK;
  return applyDecorators(
    // First: the metadata of the decorators after it is set on the method it wraps.
    AnswersCommand(options.shownOnce ?? []),
    Roles(...(options.roles ?? CASE_COMMAND_ROLES)),
    HttpCode(status),
    UseGuards(IdempotencyGuard),
    UseFilters(CommandExceptionFilter),
    ApiOperation({
      summary: options.summary,
      description:
        `${options.description ?? ''}\n\nRoles: ${(options.roles ?? CASE_COMMAND_ROLES).join(', ')}.`.trim(),
    }),
    ApiBearerAuth('bearer'),
    ApiExtraModels(ProblemDocument),
    ...(options.newCase
      ? []
      : [
          ApiParam({
            name: 'caseId',
            format: 'uuid',
            description: 'The case, as returned by POST /cases (any letter case: the same case)',
          }),
        ]),
    ...(options.params ?? []).map((param) =>
      ApiParam({ name: param.name, type: String, description: param.description }),
    ),
    ApiIfMatch(),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes retries safe: a repeat with the same key returns the first response and appends nothing; ' +
        'the same key with a different body is 409 IDEMPOTENCY_KEY_REUSED. Ids you omit derive from the key.',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        example: '7d1f0e0c-6a55-4d54-9a0e-5c2f62a1b7c3',
      },
    }),
    ...(options.body
      ? [
          ApiBody({
            type: options.body,
            ...(options.example
              ? { examples: { example: { summary: 'A valid request', value: options.example } } }
              : {}),
          }),
        ]
      : []),
    ApiResponse({
      status,
      description: 'Applied. `revision` is also in the ETag header.',
      type: options.response ?? CommandResponseDto,
      headers: { ETag: { description: 'The case revision, quoted: "3"', schema: { type: 'string' } } },
    }),
    problem(
      400,
      'Invalid input (VALIDATION_FAILED with `errors`, MALFORMED_JSON, INVALID_DATE, INVALID_TEXT, DATE_IN_FUTURE, ...)',
    ),
    problem(413, 'The body is over 64 kB (PAYLOAD_TOO_LARGE)'),
    problem(401, 'Missing, invalid or expired bearer token (UNAUTHENTICATED)'),
    problem(
      403,
      "The caller's roles or teams do not allow this, or the token names no team (FORBIDDEN_ROLE, FORBIDDEN_TEAM)",
    ),
    ...(options.newCase ? [] : [problem(404, 'Unknown case or sub-resource (CASE_NOT_FOUND, ...)')]),
    problem(
      409,
      "The command conflicts with the case's state (a domain code), a concurrent change (CONCURRENT_MODIFICATION) or a reused Idempotency-Key (IDEMPOTENCY_KEY_REUSED)",
    ),
    problem(429, 'Rate limit exceeded (RATE_LIMITED); see Retry-After'),
  );
}
