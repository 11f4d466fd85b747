import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config.schema';
import { APP_CONFIG } from '../config.module';

const CORRELATION_HEADER = 'x-correlation-id';

/** JSON logs with a correlation id per request; credentials and bodies (children's data) never logged. */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req, res) => {
            const given = req.headers[CORRELATION_HEADER];
            const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
            res.setHeader(CORRELATION_HEADER, id);
            return id;
          },
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
          },
          autoLogging: { ignore: (req) => req.url?.startsWith('/health') === true || req.url === '/metrics' },
        },
      }),
    }),
  ],
})
export class LoggerModule {}
