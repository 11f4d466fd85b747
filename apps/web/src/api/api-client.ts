import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { ApiError, ApiUnavailableError, apiErrorFrom } from './api-errors';

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** `?a=1&team=n&team=s`: undefined values left out, arrays repeated. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The one way the web app talks to apps/api: the signed-in user's bearer token, JSON in and out, a
 * timeout. A refusal becomes an ApiError (status, code, errors[]): pages catch the ones they show in a
 * form (400, 409, 422); the rest reach WebErrorFilter (401 -> sign in, 403, 404, else "Sorry").
 */
@Injectable()
export class ApiClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.baseUrl = (config.API_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/$/, '');
    this.timeoutMs = config.WEB_API_TIMEOUT_MS;
  }

  get<T>(req: Request, path: string, query?: Query): Promise<T> {
    return this.call<T>(req, 'GET', `${path}${queryString(query)}`);
  }

  post<T>(req: Request, path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.call<T>(req, 'POST', path, body, headers);
  }

  put<T>(req: Request, path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.call<T>(req, 'PUT', path, body, headers);
  }

  /** A DELETE command (erasure): its JSON answer, with the same errors. */
  delete<T>(req: Request, path: string, headers: Record<string, string> = {}): Promise<T> {
    return this.call<T>(req, 'DELETE', path, undefined, headers);
  }

  /** The raw text of a GET (CSV downloads), with the same errors. */
  async getText(req: Request, path: string, query?: Query): Promise<string> {
    const response = await this.send(req, 'GET', `${path}${queryString(query)}`);
    return response.text();
  }

  /**
   * A GET of a public endpoint (the published timeliness): no bearer token, even for a signed-in
   * user, so that the page shows what anyone would see. Refusals become ApiErrors as for the rest.
   */
  async getPublic<T>(path: string, query?: Query): Promise<T> {
    const response = await this.fetchApi(null, 'GET', `${path}${queryString(query)}`);
    return (await response.json()) as T;
  }

  /** Whether the API answers its readiness probe (for /health/ready). */
  async isReady(): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/health/live`, {
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return response.ok;
    } catch {
      return false;
    }
  }

  private async call<T>(
    req: Request,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await this.send(req, method, path, body, headers);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(
    req: Request,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const token = req.session?.accessToken;
    if (!token) throw new ApiError(401, 'not_signed_in', 'Sign in');
    return this.fetchApi(token, method, path, body, headers);
  }

  /** One call to the api: with the bearer token when one is given; a refusal thrown as an ApiError. */
  private async fetchApi(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json, application/problem+json, text/csv',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // Only the kind of failure: the URL may carry a child's name (a search).
      throw new ApiUnavailableError((error as Error).name);
    }
    if (response.ok) return response;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    throw apiErrorFrom(response.status, parsed);
  }
}
