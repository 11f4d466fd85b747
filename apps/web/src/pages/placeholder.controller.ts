import { Controller, Get, Render } from '@nestjs/common';

/** Start pages until their own controllers (work tray, dashboard, QA) replace these. */
@Controller()
export class PlaceholderController {
  @Get('cases')
  @Render('pages/placeholder')
  cases() {
    return { pageTitle: 'My cases' };
  }

  @Get('qa')
  @Render('pages/placeholder')
  qa() {
    return { pageTitle: 'Quality assurance' };
  }

  @Get('no-access')
  @Render('pages/no-access')
  noAccess() {
    return { pageTitle: 'You have no access to this service' };
  }
}
