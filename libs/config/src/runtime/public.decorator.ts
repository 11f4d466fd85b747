import { SetMetadata } from '@nestjs/common';

/** Metadata key of routes that need no bearer token (health, metrics); the auth guard honours it. */
export const IS_PUBLIC_ROUTE = 'ehcp:public-route';

/** Marks a controller or handler as open to unauthenticated callers. */
export const Public = () => SetMetadata(IS_PUBLIC_ROUTE, true);
