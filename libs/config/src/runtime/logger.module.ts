import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config.schema';
import { APP_CONFIG } from '../config.module';
import { loggerOptions } from './logger.options';

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * JSON logs with a correlation id per request; credentials and children's personal data never logged
 * (logger.options.ts: redaction and error scrubbing).
 */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          ...loggerOptions(config.LOG_LEVEL),
          genReqId: (req, res) => {
            const given = req.headers[CORRELATION_HEADER];
            const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
            res.setHeader(CORRELATION_HEADER, id);
            return id;
          },
          autoLogging: { ignore: (req) => req.url?.startsWith('/health') === true || req.url === '/metrics' },
        },
      }),
    }),
  ],
})
export class LoggerModule {}
