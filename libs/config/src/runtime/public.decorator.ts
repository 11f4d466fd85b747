import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

/** Metadata key of routes that need no bearer token (health, metrics); the auth guard honours it. */
export const IS_PUBLIC_ROUTE = 'ehcp:public-route';

/**
 * Marks a controller or handler as open to unauthenticated callers, and says so in OpenAPI: one empty
 * security requirement, i.e. none needed.
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC_ROUTE, true), ApiSecurity({}));
