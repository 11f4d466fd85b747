import { Inject, Injectable } from '@nestjs/common';
import { Issuer, generators, type Client } from 'openid-client';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { userFromClaims } from './oidc-claims';
import type { SessionUser } from '../session/web-session';

export interface OidcStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** OpenID Connect: authorization code with PKCE, state and nonce (openid-client 5). */
@Injectable()
export class OidcService {
  private client?: Promise<Client>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.OIDC_ISSUER_URL);
  }

  async start(): Promise<OidcStart> {
    const client = await this.getClient();
    const state = generators.state();
    const nonce = generators.nonce();
    const codeVerifier = generators.codeVerifier();
    const url = client.authorizationUrl({
      scope: this.config.OIDC_SCOPES,
      state,
      nonce,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, state, nonce, codeVerifier };
  }

  /** Completes the round trip; throws when state, nonce or the code do not check out. */
  async complete(
    callbackUrl: string,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ user: SessionUser; accessToken: string }> {
    const client = await this.getClient();
    const params = client.callbackParams(callbackUrl);
    const tokens = await client.callback(this.config.OIDC_REDIRECT_URL, params, {
      state: expected.state,
      nonce: expected.nonce,
      code_verifier: expected.codeVerifier,
    });
    if (!tokens.access_token) throw new Error('the identity provider issued no access token');
    const claims = { ...(tokens.claims() as Record<string, unknown>) };
    const user = userFromClaims(claims, this.config.OIDC_ROLES_CLAIM, this.config.OIDC_TEAMS_CLAIM);
    return { user, accessToken: tokens.access_token };
  }

  private getClient(): Promise<Client> {
    // Discovered once, on first use: the app starts even while the IdP is briefly away.
    this.client ??= Issuer.discover(this.config.OIDC_ISSUER_URL!).then(
      (issuer) =>
        new issuer.Client({
          client_id: this.config.OIDC_CLIENT_ID!,
          client_secret: this.config.OIDC_CLIENT_SECRET,
          redirect_uris: [this.config.OIDC_REDIRECT_URL!],
          response_types: ['code'],
          token_endpoint_auth_method: this.config.OIDC_CLIENT_SECRET ? 'client_secret_basic' : 'none',
        }),
      (error: unknown) => {
        this.client = undefined;
        throw error;
      },
    );
    return this.client;
  }
}
