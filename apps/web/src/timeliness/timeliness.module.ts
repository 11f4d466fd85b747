import { forwardRef, Module } from '@nestjs/common';
import { WebCoreModule } from '../web.module';
import { DeadlineListController } from './deadline-list.controller';
import { PublicTimelinessController } from './public-timeliness.controller';
import { TimelinessController } from './timeliness.controller';

/**
 * The manager's pages: the timeliness dashboard, its CSV downloads, the deadlines behind its counts;
 * and the council's published timeliness for anyone (issue 17).
 */
// forwardRef: web.module.ts imports this module and defines WebCoreModule (the files import each other).
@Module({
  imports: [forwardRef(() => WebCoreModule)],
  controllers: [TimelinessController, DeadlineListController, PublicTimelinessController],
})
export class TimelinessModule {}
