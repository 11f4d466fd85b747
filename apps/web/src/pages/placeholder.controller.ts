import { Controller, Get, Render } from '@nestjs/common';

/** Start pages until their own controllers (work tray, dashboard) replace these. */
@Controller()
export class PlaceholderController {
  @Get('cases')
  @Render('pages/placeholder')
  cases() {
    return { pageTitle: 'My cases' };
  }

  @Get('no-access')
  @Render('pages/no-access')
  noAccess() {
    return { pageTitle: 'You have no access to this service' };
  }
}
