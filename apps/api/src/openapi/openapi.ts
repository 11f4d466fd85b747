import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDocument } from '../problem-details/problem-document';

const DESCRIPTION = `
Event-sourced EHCP (Education, Health and Care plan) workflow and statutory timeliness.

**Authorise** with a bearer JWT (HS256 with AUTH_JWT_SECRET, or RS256 via AUTH_JWKS_URL) carrying
\`sub\`, \`roles\` (caseworker, manager, qa_officer, admin) and \`teams\`. In development:
\`npm run token -- --sub u1 --role caseworker --team north\`, then "Authorize".

**Commands** answer \`{ caseId, revision, position }\` and \`ETag: "<revision>"\`, as do
GET /cases/{caseId} and GET /cases/{caseId}/events. Send \`If-Match: "<revision>"\` to apply a command
only if nobody changed the case since (else 412; \`If-Match: *\`: only if the case exists), and an
\`Idempotency-Key\` to make retries safe. Dates are \`YYYY-MM-DD\` (Europe/London), never after today.

**Errors** are RFC 9457 problem documents (\`application/problem+json\`) with a stable \`code\`;
400s list each bad field in \`errors\`.

**Teams**: when the TEAMS setting lists the council's teams, a \`team\` it does not list is a 400
naming the field (before any 403); GET /teams gives the caller's teams with their display names. A
token with no team (admin apart) is a 403.

A case from request to final plan: POST /cases -> assessment-decision -> advice-requests ->
advice-requests/{adviceId}/received -> plan-decision -> draft-plan -> representations ->
consultations -> consultations/{consultationId}/response -> final-plan. Follow it in
GET /cases/{caseId}/events.
`.trim();

/** Every tag a controller uses (ApiTags), described once; `npm run lint:openapi` finds a missing one. */
const TAGS: readonly (readonly [name: string, description: string])[] = [
  ['case commands', 'Record what happened on a case: each appends events to its stream'],
  ['cases', 'The case screen and the work tray, from the read models'],
  ['case history', "The case's events, read from the event store itself"],
  ['deadlines', 'Statutory deadlines across cases'],
  ['timeliness and quality', "The DfE timeliness figures and the plans' quality audits"],
  ['notifications', 'Deadline alerts the notifier raised, and their deliveries'],
  ['teams', "The caller's teams and their display names (TEAMS)"],
  ['families', "A family's view of their own case, through the private link a caseworker sent: no token"],
  ['published figures', "The council's timeliness as it publishes it, small numbers suppressed: no token"],
  ['service', 'Probes for the orchestrator: no token'],
];

/** The OpenAPI 3 document, generated from the controllers' and DTOs' decorators. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('EHCP timeliness API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    // Relative: the host that served the document, wherever it is deployed.
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer');
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const config = builder.build();
  // Proprietary (package.json: UNLICENSED): a license name, and no URL to give (setLicense wants one).
  config.info.license = { name: 'Proprietary (UNLICENSED)' };
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDocument] });
}

/** Swagger UI at /docs, the document at /docs-json: plain routes, outside the auth guard (API.md). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
