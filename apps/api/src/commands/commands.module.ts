import { Module } from '@nestjs/common';
import { CaseEventsController } from '../case-events/case-events.controller';
import { CaseStreamReader } from '../case-events/case-stream.reader';
import { CommandIds } from '../idempotency/command-ids';
import { IdempotencyKeyPurger } from '../idempotency/idempotency-key.purger';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { COMMAND_CONTROLLERS } from './commands.controllers';
import { CaseCommandHandler } from './shared/case-command.handler';

/**
 * Every API.md command (route -> @nestjs/cqrs CaseCommand -> CaseCommandHandler -> the event store's
 * decider runner) and the case history. Needs CqrsModule, EventStoreModule, the database
 * (idempotency keys) and the Clock.
 */
@Module({
  controllers: [...COMMAND_CONTROLLERS, CaseEventsController],
  providers: [CaseCommandHandler, CaseStreamReader, CommandIds, IdempotencyRepository, IdempotencyKeyPurger],
})
export class CommandsModule {}
