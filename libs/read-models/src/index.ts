// Public contract of @ehcp/read-models. Everything else in this library is internal.
export { ReadModelsDatabaseModule, PostgresReadinessCheck } from './database/read-models-database.module';
export {
  readModelsDataSourceOptions,
  READ_MODEL_ENTITIES,
  READ_MODEL_MIGRATIONS,
  type DatabaseSchema,
} from './database/read-models.data-source';
export { migrateUnderLock } from './database/migrate';
// Tables
export { ProjectionCheckpointEntity, CHECKPOINT_NAME } from './schema/projection-checkpoint.entity';
export { CaseStateEntity } from './schema/case-state.entity';
export { CaseSummaryEntity } from './schema/case-summary.entity';
export { CaseDeadlineEntity } from './schema/case-deadline.entity';
export { QaAuditEntity } from './schema/qa-audit.entity';
export { CaseSearchTokenEntity } from './schema/case-search-token.entity';
export { FamilyLinkEntity } from './schema/family-link.entity';
export { CaseViewsEntity } from './schema/case-views.entity';
export { AlertOutboxEntity } from './schema/alert-outbox.entity';
export {
  ProjectionDeadLetterEntity,
  DEAD_LETTER_STATUSES,
  type DeadLetterStatus,
} from './schema/projection-dead-letter.entity';
// Projections (pure), and how their rows map to tables: what the projector's engine applies and writes
export {
  PROJECTIONS,
  projectionsWith,
  PROJECTED_TABLES,
  CASE_STATE_TABLE,
  type CaseStateRow,
} from './projections/projections';
export { columnOf, type ProjectedTable, type SqlType } from './projections/projected-table';
export {
  caseSearchProjection,
  CASE_SEARCH_TOKEN_TABLE,
  type CaseSearchTokenRow,
} from './projections/case-search.projection';
export { namePartsOf, searchHasher, searchTokensOf, type SearchHasher } from './search/search-tokens';
export { searchTermsOf, dateOfBirthOf, type SearchTerms } from './search/search-terms';
export { deadlineRowId, deadlineIdWithinCase } from './projections/case-deadline.rows';
export {
  familyLinkProjection,
  FAMILY_LINK_TABLE,
  type FamilyLinkRow,
} from './projections/family-link.projection';
export {
  caseViewsProjection,
  viewsRowId,
  CASE_VIEWS_TABLE,
  type CaseViewsRow,
} from './projections/case-views.projection';
export { deadlineAlertOf, type DeadlineAlert, type DeadlineFacts } from './projections/deadline-alert';
export type { Projection, CaseChange, CaseEvent, RowChanges } from './projections/projection.types';
// Queries
export { ReadModelQueriesModule } from './queries/read-model-queries.module';
export { CaseQuery, type CaseRecord, type CaseFamilyLink } from './queries/case.query';
export { FamilyLinkQuery, type FamilyLinkRecord } from './queries/family-link.query';
export { WorkTrayQuery, type WorkTrayFilter, type WorkTrayItem } from './queries/work-tray.query';
export { DeadlinesQuery, type DeadlineFilter } from './queries/deadlines.query';
export { Sen2Query, type Sen2Filter } from './queries/sen2.query';
export { QaSummaryQuery, type QaSummaryFilter } from './queries/qa-summary.query';
export { DashboardQuery, type DashboardFilter } from './queries/dashboard.query';
export {
  DASHBOARD_MONTHS,
  seriesStartOf,
  monthlyRateOf,
  type MonthlyRate,
  type Stages,
  type TeamStages,
  type AdviceOnTime,
  type DeadlineCounts,
} from './queries/dashboard.aggregate';
export { ReadModelPosition, READ_MODELS_CHECKPOINT_CHANNEL } from './queries/read-model-position';
export { deadlineViewOf, deadlineColumns, type DeadlineView } from './queries/deadline.view';
export { isOpenSql, isOpenOnSql } from './queries/deadline-status.sql';
export { shownStageOf } from './queries/shown-stage';
