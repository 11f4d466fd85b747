import { Controller, Get, Render } from '@nestjs/common';

/** Start pages until their own controllers (dashboard, QA) replace these. */
@Controller()
export class PlaceholderController {
  @Get('timeliness')
  @Render('pages/placeholder')
  timeliness() {
    return { pageTitle: 'Timeliness' };
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
