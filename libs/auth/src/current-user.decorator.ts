import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';
import type { AuthRequest } from './request-authenticator.service';

/** The verified caller, set by AuthGuard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<AuthRequest>().user;
    // Only a @Public() route has no user: reading it there is a programming error, not a client's.
    if (!user) throw new Error('@CurrentUser() used on a route that is not authenticated');
    return user;
  },
);
