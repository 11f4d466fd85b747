import type { ValueTransformer } from 'typeorm';

/** Stream revisions are bigint columns; far below 2^53, so they read back as plain numbers. */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
