import { Controller, Get, Render } from '@nestjs/common';

/** The page for a signed-in user with no role this service knows. */
@Controller()
export class NoAccessController {
  @Get('no-access')
  @Render('pages/no-access')
  noAccess() {
    return { pageTitle: 'You have no access to this service' };
  }
}
