import { Module } from '@nestjs/common';
import { ReadModelQueriesModule } from '@ehcp/read-models';
import { CaseStreamReader } from '../case-events/case-stream.reader';
import { FamilyViewController } from './family-view.controller';
import { FamilyViewService } from './family-view.service';

/**
 * (2nd ed.) The family's view through their private link (POST /family/view, no sign-in). Needs
 * ReadModelsDatabaseModule, EventStoreModule, ConfigModule and the Clock in the app.
 */
@Module({
  imports: [ReadModelQueriesModule],
  controllers: [FamilyViewController],
  providers: [FamilyViewService, CaseStreamReader],
})
export class FamilyModule {}
