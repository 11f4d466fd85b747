import { forwardRef, Module } from '@nestjs/common';
import { WebCoreModule } from '../web.module';
import { DeadlineListController } from './deadline-list.controller';
import { TimelinessController } from './timeliness.controller';

/** The manager's pages: the timeliness dashboard, its CSV downloads, the deadlines behind its counts. */
// forwardRef: web.module.ts imports this module and defines WebCoreModule (the files import each other).
@Module({
  imports: [forwardRef(() => WebCoreModule)],
  controllers: [TimelinessController, DeadlineListController],
})
export class TimelinessModule {}
