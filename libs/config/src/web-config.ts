import type { AppConfig } from './config.schema';

/**
 * What apps/web needs beyond the shared configuration, checked only when the web app starts (the
 * other apps run without a session secret or an identity provider). Empty when all is well.
 */
export function webConfigProblems(config: AppConfig): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  if (config.OIDC_ISSUER_URL)
    for (const variable of ['OIDC_CLIENT_ID', 'OIDC_REDIRECT_URL'] as const)
      if (!config[variable]) problems.push({ variable, message: 'is required when OIDC_ISSUER_URL is set' });
  if (config.NODE_ENV !== 'production') return problems;
  if (!config.SESSION_SECRET)
    problems.push({ variable: 'SESSION_SECRET', message: 'is required in production' });
  // The development sign-in lets anyone pick a role: production signs in through the identity provider only.
  if (!config.OIDC_ISSUER_URL)
    problems.push({
      variable: 'OIDC_ISSUER_URL',
      message: 'is required in production (there is no development sign-in)',
    });
  return problems;
}

/** Development sign-in is on only outside production and when no identity provider is configured. */
export function devSignInEnabled(config: AppConfig): boolean {
  return config.NODE_ENV !== 'production' && !config.OIDC_ISSUER_URL;
}
