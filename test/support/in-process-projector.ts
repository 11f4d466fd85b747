import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AppConfig } from '@ehcp/config';
import { ProjectorModule } from '../../apps/projector/src/projector.module';

/** The projector in the test's own process, following the api's database: close it in afterAll. */
export async function startInProcessProjector(config: AppConfig): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [ProjectorModule.register(config)] }).compile();
  const projector = moduleRef.createNestApplication({ logger: false });
  await projector.init();
  return projector;
}
