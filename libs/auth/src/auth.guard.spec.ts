import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public } from '@ehcp/config';
import { AccessDeniedError, AuthenticationError } from './auth.errors';
import { AuthGuard } from './auth.guard';
import type { AuthenticatedUser } from './authenticated-user';
import type { AuthRequest, RequestAuthenticator } from './request-authenticator.service';
import { Roles } from './roles.decorator';

@Roles('qa_officer')
class AuditsController {
  record() {}
  @Roles('manager')
  summary() {}
}

class CasesController {
  list() {}
  @Public()
  open() {}
}

function contextOf(controller: new () => object, handler: string, request: AuthRequest): ExecutionContext {
  return {
    getClass: () => controller,
    getHandler: () => (controller.prototype as Record<string, () => void>)[handler],
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

function guardFor(user?: AuthenticatedUser): AuthGuard {
  const authenticate = async () => {
    if (!user) throw new AuthenticationError('missing');
    return user;
  };
  return new AuthGuard(new Reflector(), { authenticate } as unknown as RequestAuthenticator);
}

const userWith = (...roles: AuthenticatedUser['roles']): AuthenticatedUser => ({
  id: 'u1',
  roles,
  teams: [],
});

describe('AuthGuard', () => {
  it('opens @Public() routes without a token', async () => {
    await expect(guardFor().canActivate(contextOf(CasesController, 'open', { headers: {} }))).resolves.toBe(
      true,
    );
  });

  it('refuses other routes without a valid token (401)', async () => {
    await expect(
      guardFor().canActivate(contextOf(CasesController, 'list', { headers: {} })),
    ).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('sets request.user', async () => {
    const request: AuthRequest = { headers: {} };
    await guardFor(userWith('manager')).canActivate(contextOf(CasesController, 'list', request));
    expect(request.user).toEqual(userWith('manager'));
  });

  it('applies the controller roles, which a handler @Roles() replaces', async () => {
    const qa = guardFor(userWith('qa_officer'));
    const manager = guardFor(userWith('manager'));
    await expect(qa.canActivate(contextOf(AuditsController, 'record', { headers: {} }))).resolves.toBe(true);
    await expect(
      manager.canActivate(contextOf(AuditsController, 'record', { headers: {} })),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    await expect(manager.canActivate(contextOf(AuditsController, 'summary', { headers: {} }))).resolves.toBe(
      true,
    );
    await expect(
      qa.canActivate(contextOf(AuditsController, 'summary', { headers: {} })),
    ).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it('lets admin through every role check', async () => {
    const admin = guardFor(userWith('admin'));
    await expect(admin.canActivate(contextOf(AuditsController, 'record', { headers: {} }))).resolves.toBe(
      true,
    );
    await expect(admin.canActivate(contextOf(AuditsController, 'summary', { headers: {} }))).resolves.toBe(
      true,
    );
  });

  it('asks for some known role where no @Roles() is given', async () => {
    await expect(
      guardFor(userWith()).canActivate(contextOf(CasesController, 'list', { headers: {} })),
    ).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
  });
});
