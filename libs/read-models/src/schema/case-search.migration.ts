import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: search by reference, child's name or date of birth. case_search_token holds keyed hashes
 * of the children's name parts; the indexes serve the name (token), the rebuild's per-case loads
 * (case_id), the reference prefix (lower(reference)) and the date of birth. The tokens need
 * SEARCH_HASH_KEY, which SQL does not have: an existing deployment fills the table with
 * `npm run projections:rebuild` once (README, "SEARCH_HASH_KEY"); new events fill it as they come.
 */
export class CaseSearch1797984000000 implements MigrationInterface {
  readonly name = 'CaseSearch1797984000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table case_search_token (
        id text primary key,
        case_id text not null,
        token text not null
      )`);
    await db.query('create index case_search_token_case on case_search_token (case_id)');
    await db.query('create index case_search_token_token on case_search_token (token, case_id)');
    await db.query(
      'create index case_summary_reference_search on case_summary (lower(reference) text_pattern_ops)',
    );
    await db.query('create index case_summary_child_date_of_birth on case_summary (child_date_of_birth)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop index case_summary_child_date_of_birth');
    await db.query('drop index case_summary_reference_search');
    await db.query('drop table case_search_token');
  }
}
