import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { offlineOpenApiDocument } from './offline-document';

/**
 * `npm run openapi:write [-- <file>]`: writes the api's OpenAPI document (default dist/openapi.json)
 * for the linters (`npm run lint:openapi`) and for clients' generators. Needs no running service.
 */
async function main(): Promise<void> {
  const file = process.argv[2] ?? 'dist/openapi.json';
  const document = await offlineOpenApiDocument();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
