import { SetMetadata } from '@nestjs/common';

export const SHOWN_ONCE_FIELDS = 'ehcp:shown-once-fields';

/**
 * Response fields answered once and never kept (a family link's URL carries its secret token): the
 * Idempotency-Key store keeps them as null, so a repeated request answers them as null.
 */
export const ShownOnce = (...fields: string[]) => SetMetadata(SHOWN_ONCE_FIELDS, fields);
