import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Integration and e2e tests need the real PostgreSQL and Redis: start them when they do not answer. */
export default function globalSetup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'services.mjs')], {
    stdio: 'inherit',
  });
}
