import { SetMetadata } from '@nestjs/common';
import type { Role } from './authenticated-user';

export const ROLES_KEY = 'ehcp:roles';

/**
 * The roles allowed on a handler or controller (a handler's list replaces its controller's). The
 * caller needs one of them; admin always passes. Routes without @Roles() accept any known role.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
