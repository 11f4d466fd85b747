import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * apps/web runs from its sources (ts-node, tests) and from dist/apps/web/src (npm start): the views
 * and browser files are not compiled, so both find them in the repository's apps/web.
 */
function findWebRoot(): string {
  const candidates = [
    join(__dirname, '..', '..'),
    join(__dirname, '..', '..', '..', '..', '..', 'apps', 'web'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'views', 'layout.njk')));
  if (!found) throw new Error('apps/web/views not found');
  return found;
}

const webRoot = findWebRoot();
const repoRoot = join(webRoot, '..', '..');

export const WEB_PATHS = {
  views: join(webRoot, 'views'),
  public: join(webRoot, 'public'),
  govuk: join(repoRoot, 'node_modules', 'govuk-frontend', 'dist'),
  moj: join(repoRoot, 'node_modules', '@ministryofjustice', 'frontend'),
} as const;
