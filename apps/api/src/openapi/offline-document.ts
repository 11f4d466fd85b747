import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@ehcp/config';
import { ApiModule } from '../api.module';
import { createOpenApiDocument } from './openapi';

/**
 * The document /docs-json serves, built without PostgreSQL, Redis or the event store: Nest's preview
 * mode reads the modules' controllers and decorators but creates no provider, so nothing connects.
 * The default configuration: nothing in the document depends on the environment.
 */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.register(loadConfig({})), {
    preview: true,
    logger: false,
  });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
