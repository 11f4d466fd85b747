import type { NestExpressApplication } from '@nestjs/platform-express';
import nunjucks from 'nunjucks';
import { govukDate } from './govuk-date.filter';
import { londonDateTime } from './london-date-time.filter';
import { WEB_PATHS } from './web-paths';

/** Nunjucks with autoescaping, the app's views first, then the GOV.UK and MOJ macros. */
export function setUpNunjucks(app: NestExpressApplication, { watch = false } = {}): nunjucks.Environment {
  const env = nunjucks.configure([WEB_PATHS.views, WEB_PATHS.govuk, WEB_PATHS.moj], {
    autoescape: true,
    express: app.getHttpAdapter().getInstance(),
    watch,
  });
  env.addFilter('govukDate', govukDate);
  // MOJ's timeline formats its times with `mojDate`: ours writes them in Europe/London.
  env.addFilter('mojDate', londonDateTime);
  app.setBaseViewsDir(WEB_PATHS.views);
  app.setViewEngine('njk');
  return env;
}
