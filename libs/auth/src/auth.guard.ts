import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES, type Role } from './authenticated-user';
import { isPublicRoute } from './public-route';
import { RequestAuthenticator, type AuthRequest } from './request-authenticator.service';
import { assertAnyRole } from './role-access';
import { ROLES_KEY } from './roles.decorator';

/**
 * Global guard: every route but @Public() ones needs a valid bearer token (401) and one of the
 * route's @Roles() (403 FORBIDDEN_ROLE). Without @Roles() any known role will do, so a token whose
 * roles are all foreign to this service reads nothing.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    request.user = await this.authenticator.authenticate(request);
    assertAnyRole(request.user, this.allowedRoles(context));
    return true;
  }

  private allowedRoles(context: ExecutionContext): readonly Role[] {
    return (
      this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, [context.getHandler(), context.getClass()]) ?? ROLES
    );
  }
}
