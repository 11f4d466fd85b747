import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, type Metric } from 'prom-client';
import { metricsRegistry } from '@ehcp/config';

/** One instance per name, even when several apps share the process registry (tests). */
function registered<M extends Metric>(name: string, create: () => M): M {
  return (metricsRegistry.getSingleMetric(name) as M | undefined) ?? create();
}

export type CommandOutcome = 'accepted' | 'replayed' | 'refused' | 'forbidden' | 'conflict' | 'error';

export const commandsHandled = registered(
  'ehcp_api_commands_total',
  () =>
    new Counter({
      name: 'ehcp_api_commands_total',
      help: 'Case commands handled, by command type and outcome',
      labelNames: ['command', 'outcome'] as const,
      registers: [metricsRegistry],
    }),
);

export const eventsAppended = registered(
  'ehcp_api_events_appended_total',
  () =>
    new Counter({
      name: 'ehcp_api_events_appended_total',
      help: 'Events appended to case streams by the api, by event type',
      labelNames: ['type'] as const,
      registers: [metricsRegistry],
    }),
);

export const requestDuration = registered(
  'ehcp_api_http_request_duration_seconds',
  () =>
    new Histogram({
      name: 'ehcp_api_http_request_duration_seconds',
      help: 'HTTP request latency, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [metricsRegistry],
    }),
);

/** Times every request; the route label is the matched pattern (`/cases/:caseId/...`), never the raw URL. */
export function requestMetricsMiddleware(req: Request, res: Response, next: NextFunction): void {
  const stop = requestDuration.startTimer();
  res.once('finish', () => {
    const route = (req.route as { path?: string } | undefined)?.path;
    stop({
      method: req.method,
      route: route ? `${req.baseUrl}${route}` : 'unmatched',
      status: String(res.statusCode),
    });
  });
  next();
}
