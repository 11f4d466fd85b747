import { Module } from '@nestjs/common';
import { ReadModelQueriesModule } from '@ehcp/read-models';
import { CasesController } from './cases.controller';
import { DashboardController } from './dashboard.controller';
import { DeadlinesController } from './deadlines.controller';
import { QueryContext } from './query-context';
import { TeamsController } from './teams.controller';
import { TimelinessController } from './timeliness.controller';

/**
 * The read side of API.md: the case screen, the work tray, deadlines, SEN2 timeliness and QA, and
 * the caller's teams.
 * Needs ReadModelsDatabaseModule, EventStoreModule (minPosition) and ClockModule in the app.
 */
@Module({
  imports: [ReadModelQueriesModule],
  controllers: [
    CasesController,
    DeadlinesController,
    TimelinessController,
    DashboardController,
    TeamsController,
  ],
  providers: [QueryContext],
})
export class QueriesModule {}
