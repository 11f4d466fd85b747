import { Module } from '@nestjs/common';
import { CaseQuery } from './case.query';
import { DashboardQuery } from './dashboard.query';
import { DeadlinesQuery } from './deadlines.query';
import { FamilyLinkQuery } from './family-link.query';
import { QaSummaryQuery } from './qa-summary.query';
import { ReadModelPosition } from './read-model-position';
import { Sen2Query } from './sen2.query';
import { WorkTrayQuery } from './work-tray.query';

const QUERIES = [
  CaseQuery,
  WorkTrayQuery,
  DeadlinesQuery,
  Sen2Query,
  QaSummaryQuery,
  DashboardQuery,
  FamilyLinkQuery,
  ReadModelPosition,
];

/** The read models' query services. Needs ReadModelsDatabaseModule and EventStoreModule in the app. */
@Module({ providers: QUERIES, exports: QUERIES })
export class ReadModelQueriesModule {}
