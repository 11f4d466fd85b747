// Prints a signed HS256 development token: npm run token -- --sub u1 --role caseworker --team north
import { parseArgs } from 'node:util';
import { ROLES, isRole, signDevToken, type Role } from '@ehcp/auth';
import { loadConfigOrExit } from '@ehcp/config';

const USAGE = `usage: npm run token -- --sub <user id> --role <role> [--role <role>] [--team <team>]... [--ttl 12h]
  roles: ${ROLES.join(', ')}; ttl: a time span such as 30m, 8h, 2d (default 12h)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

function parse(): { sub: string; roles: Role[]; teams: string[]; ttl: string } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sub: { type: 'string' },
        role: { type: 'string', multiple: true, default: [] },
        team: { type: 'string', multiple: true, default: [] },
        ttl: { type: 'string', default: '12h' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.sub) fail('--sub is required');
  const unknown = values.role.filter((role) => !isRole(role));
  if (unknown.length) fail(`unknown role: ${unknown.join(', ')}`);
  if (!values.role.length) fail('at least one --role is required');
  return { sub: values.sub, roles: values.role as Role[], teams: values.team, ttl: values.ttl };
}

async function main(): Promise<void> {
  const args = parse();
  const config = loadConfigOrExit();
  const secret = config.AUTH_JWT_SECRET;
  if (!secret)
    fail('AUTH_JWT_SECRET is not set: with AUTH_JWKS_URL alone, tokens come from the identity provider');
  // The api checks `iss` and `aud` when these are set, so its development tokens carry them.
  const audience = { issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE };
  // jose refuses a malformed --ttl when signing.
  const token = await signDevToken(args, secret, args.ttl, audience).catch((error: Error) =>
    fail(error.message),
  );
  process.stdout.write(`${token}\n`);
}

void main();
