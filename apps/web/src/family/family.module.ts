import { forwardRef, Module } from '@nestjs/common';
import { WebCoreModule } from '../web.module';
import { FamilyApiClient } from './family-api.client';
import { FamilyLinkController } from './family-link.controller';
import { FamilyPageController } from './family-page.controller';

/** (issue 17) A family's view of their case (/family/{token}, no sign-in) and the caseworker's link forms. */
// forwardRef: web.module.ts imports this module and defines WebCoreModule (the files import each other).
@Module({
  imports: [forwardRef(() => WebCoreModule)],
  controllers: [FamilyPageController, FamilyLinkController],
  providers: [FamilyApiClient],
})
export class FamilyModule {}
