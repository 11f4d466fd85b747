import { Module } from '@nestjs/common';
import { ReadModelQueriesModule } from '@ehcp/read-models';
import { PublicTimelinessController } from './public-timeliness.controller';
import { PublicTimelinessService } from './public-timeliness.service';

/**
 * (2nd ed.) GET /public/timeliness: the published figures (no sign-in). Needs ReadModelsDatabaseModule,
 * ConfigModule and the Clock in the app.
 */
@Module({
  imports: [ReadModelQueriesModule],
  controllers: [PublicTimelinessController],
  providers: [PublicTimelinessService],
})
export class PublicTimelinessModule {}
