import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfigOrExit, runApp, webConfigProblems } from '@ehcp/config';
import { configureWeb } from './configure-web';
import { WebModule } from './web.module';

const config = loadConfigOrExit();
const problems = webConfigProblems(config);
if (problems.length) {
  process.stderr.write(
    `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n`,
  );
  process.exit(1);
}
void runApp(WebModule.register(config), {
  port: config.WEB_PORT,
  configure: (app) => configureWeb(app as NestExpressApplication),
});
