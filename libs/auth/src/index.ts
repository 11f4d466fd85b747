export { ROLES, isRole, type Role, type AuthenticatedUser } from './authenticated-user';
export {
  SecurityError,
  AuthenticationError,
  AccessDeniedError,
  RateLimitedError,
  type SecurityErrorCode,
  type AuthenticationFailure,
} from './auth.errors';
export { JwtVerifier, type JwtVerifierConfig } from './jwt-verifier.service';
export { RequestAuthenticator, type AuthRequest } from './request-authenticator.service';
export { AuthGuard } from './auth.guard';
export { RateLimitGuard } from './rate-limit.guard';
export { AuthModule } from './auth.module';
export { Roles, ROLES_KEY } from './roles.decorator';
export { CurrentUser } from './current-user.decorator';
export {
  CASE_COMMAND_ROLES,
  QA_AUDIT_ROLES,
  ERASURE_ROLES,
  QUERY_ROLES,
  isAdmin,
  hasAnyRole,
  assertAnyRole,
} from './role-access';
export {
  canAccessTeam,
  assertTeamAccess,
  assertHasTeams,
  teamsVisibleTo,
  teamSettingsVisibleTo,
} from './team-access';
export { signDevToken, type DevTokenClaims, type TokenAudience } from './dev-token';
