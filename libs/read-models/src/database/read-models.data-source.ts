import type { DataSourceOptions, MixedList } from 'typeorm';
import { AlertOutboxEntity } from '../schema/alert-outbox.entity';
import { AlertOutboxFacts1797206400000 } from '../schema/alert-outbox-facts.migration';
import { CaseDeadlineEntity } from '../schema/case-deadline.entity';
import { CaseSearch1797984000000 } from '../schema/case-search.migration';
import { CaseSearchTokenEntity } from '../schema/case-search-token.entity';
import { CaseStateEntity } from '../schema/case-state.entity';
import { CaseStateVersion1797811200000 } from '../schema/case-state-version.migration';
import { CaseSummaryEntity } from '../schema/case-summary.entity';
import { CaseViewsEntity } from '../schema/case-views.entity';
import { DashboardSpeed1798000000000 } from '../schema/dashboard-speed.migration';
import { DashboardStages1797990000000 } from '../schema/dashboard-stages.migration';
import { FamilyLinkEntity } from '../schema/family-link.entity';
import { FamilyViews1798100000000 } from '../schema/family-views.migration';
import { PendingCessation1797897600000 } from '../schema/pending-cessation.migration';
import { ProjectionCheckpointEntity } from '../schema/projection-checkpoint.entity';
import { ProjectionDeadLetterEntity } from '../schema/projection-dead-letter.entity';
import { ProjectionDeadLetters1796083200000 } from '../schema/projection-dead-letters.migration';
import { QaAuditEntity } from '../schema/qa-audit.entity';
import { ReadModels1763000000000 } from '../schema/read-models.migration';
import { Sen2Complete1797724800000 } from '../schema/sen2-complete.migration';
import { TimelinessTally1798200000000 } from '../schema/timeliness-tally.migration';
import { StageDaysStatistics1798210000000 } from '../schema/stage-days-statistics.migration';
import { WorkTrayCount1798260000000 } from '../schema/work-tray-count.migration';

export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations?: MixedList<Function | string>;
}

/** Entities and migrations of every read model. */
export const READ_MODEL_ENTITIES = [
  ProjectionCheckpointEntity,
  CaseStateEntity,
  CaseSummaryEntity,
  CaseDeadlineEntity,
  QaAuditEntity,
  AlertOutboxEntity,
  ProjectionDeadLetterEntity,
  CaseSearchTokenEntity,
  FamilyLinkEntity,
  CaseViewsEntity,
] as const;
export const READ_MODEL_MIGRATIONS = [
  ReadModels1763000000000,
  ProjectionDeadLetters1796083200000,
  AlertOutboxFacts1797206400000,
  Sen2Complete1797724800000,
  CaseStateVersion1797811200000,
  PendingCessation1797897600000,
  CaseSearch1797984000000,
  DashboardStages1797990000000,
  DashboardSpeed1798000000000,
  FamilyViews1798100000000,
  TimelinessTally1798200000000,
  StageDaysStatistics1798210000000,
  WorkTrayCount1798260000000,
] as const;

/**
 * The PostgreSQL connection of the read models and the app-owned tables. Migrations are run by
 * ReadModelsDatabaseModule under an advisory lock (several processes start at once), never by TypeORM here.
 */
export function readModelsDataSourceOptions(url: string, extra: DatabaseSchema = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...READ_MODEL_ENTITIES, ...((extra.entities as []) ?? [])],
    migrations: [...READ_MODEL_MIGRATIONS, ...((extra.migrations as []) ?? [])],
    migrationsRun: false,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    extra: { max: 10 },
  };
}
