import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { ApiUnavailableError } from '../api/api-errors';
import type { FamilyViewJson } from './family-view.types';

/** The api's answer to a family's link: their view, no such link (404), or a link that ended (410). */
export type FamilyViewAnswer =
  | { readonly kind: 'view'; readonly view: FamilyViewJson }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'ended'; readonly code: string };

/**
 * POST /family/view for the family page: no user and no bearer token (the link's token is the only
 * credential), sent in the JSON body so that it stays out of every access log. Anything but 200, 404
 * and 410 is the api being unavailable: the page says so in family words.
 */
@Injectable()
export class FamilyApiClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.baseUrl = (config.API_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/$/, '');
    this.timeoutMs = config.WEB_API_TIMEOUT_MS;
  }

  async view(token: string): Promise<FamilyViewAnswer> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/family/view`, {
        method: 'POST',
        headers: { accept: 'application/json, application/problem+json', 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ApiUnavailableError((error as Error).name);
    }
    if (response.status === 404) return { kind: 'not_found' };
    if (response.status === 410) return { kind: 'ended', code: await problemCodeOf(response) };
    if (!response.ok) throw new ApiUnavailableError(`http_${response.status}`);
    return { kind: 'view', view: (await response.json()) as FamilyViewJson };
  }
}

async function problemCodeOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : 'http_410';
  } catch {
    return 'http_410';
  }
}
