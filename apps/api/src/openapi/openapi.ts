import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDocument } from '../problem-details/problem-document';

const DESCRIPTION = `
Event-sourced EHCP (Education, Health and Care plan) workflow and statutory timeliness.

**Authorise** with a bearer JWT (HS256 with AUTH_JWT_SECRET, or RS256 via AUTH_JWKS_URL) carrying
\`sub\`, \`roles\` (caseworker, manager, qa_officer, admin) and \`teams\`. In development:
\`npm run token -- --sub u1 --role caseworker --team north\`, then "Authorize".

**Commands** answer \`{ caseId, revision, position }\` and \`ETag: "<revision>"\`. Send
\`If-Match: "<revision>"\` to apply a command only if nobody changed the case since, and an
\`Idempotency-Key\` to make retries safe. Dates are \`YYYY-MM-DD\` (Europe/London), never after today.

**Errors** are RFC 9457 problem documents (\`application/problem+json\`) with a stable \`code\`;
400s list each bad field in \`errors\`.

A case from request to final plan: POST /cases -> assessment-decision -> advice-requests ->
advice-requests/{adviceId}/received -> plan-decision -> draft-plan -> representations ->
consultations -> consultations/{consultationId}/response -> final-plan. Follow it in
GET /cases/{caseId}/events.
`.trim();

/** The OpenAPI 3 document, generated from the controllers' and DTOs' decorators. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('EHCP timeliness API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDocument] });
}

/** Swagger UI at /docs, the document at /docs-json: plain routes, outside the auth guard (API.md). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
