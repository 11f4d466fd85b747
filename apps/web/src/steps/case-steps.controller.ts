import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiClient } from '../api/api-client';
import { ApiError, type ProblemFieldError } from '../api/api-errors';
import { govukErrorsFrom } from '../api/problem-errors';
import {
  canCorrect,
  canVoid,
  changesOf,
  correctionFormOf,
  currentValuesOf,
  voidFormOf,
} from './correction-form.view-model';
import {
  bodyOf,
  commandOf,
  fieldViewsOf,
  formErrorsFrom,
  parseForm,
  refOptions,
  type CaseEvent,
  type FormBody,
} from './step-form.view-model';
import {
  CHILD_DETAILS_FORM,
  NEW_REQUEST_FORM,
  stepFormOf,
  TRANSFER_IN_FORM,
  type StepForm,
} from './step-forms.registry';

interface CaseSummary {
  readonly caseId: string;
  readonly reference: string | null;
  readonly stage: string;
  readonly revision: number;
  readonly child: { firstName: string; lastName: string; dateOfBirth: string } | null;
}

interface CommandResult {
  readonly caseId: string;
  readonly revision: number;
  readonly position: string;
}

/** What a form page is rendered with besides the form itself. */
interface FormContext {
  readonly action: string;
  readonly backHref: string;
  readonly caption?: string;
  readonly revision?: number;
  readonly choices?: Record<string, readonly { value: string; text: string }[]>;
  readonly alternative?: { href: string; text: string };
  readonly warning?: boolean;
}

/** What a post sends besides the body: how the api call is made and where success goes. */
interface Send {
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body: unknown;
  readonly caseId?: string;
  readonly recorded: string;
}

const NONCE = /^[0-9a-f-]{36}$/;

/**
 * The caseworker's forms: record the next step (one generic form per registry entry), a new request
 * or a plan transferred in, corrections and voiding of a fact, and the child's details. Each post sends
 * exactly one api command with the user's token, an Idempotency-Key from the form's nonce (a double
 * submit appends once) and, on a case, If-Match with the revision the form was rendered at.
 */
@Controller('cases')
export class CaseStepsController {
  constructor(private readonly api: ApiClient) {}

  @Get('new')
  newRequest(@Req() req: Request, @Res() res: Response) {
    this.render(req, res, 200, NEW_REQUEST_FORM, {}, undefined, this.newContext(req, NEW_REQUEST_FORM));
  }

  @Post('new')
  async postNewRequest(@Req() req: Request, @Res() res: Response, @Body() body: FormBody) {
    await this.submitNew(req, res, NEW_REQUEST_FORM, body);
  }

  @Get('new/transfer-in')
  newTransfer(@Req() req: Request, @Res() res: Response) {
    this.render(req, res, 200, TRANSFER_IN_FORM, {}, undefined, this.newContext(req, TRANSFER_IN_FORM));
  }

  @Post('new/transfer-in')
  async postNewTransfer(@Req() req: Request, @Res() res: Response, @Body() body: FormBody) {
    await this.submitNew(req, res, TRANSFER_IN_FORM, body);
  }

  @Get(':caseId/steps/:step')
  async showStep(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Param('step') step: string,
  ) {
    const form = this.stepForm(step);
    const context = await this.stepContext(req, caseId, form);
    this.render(req, res, 200, form, {}, undefined, context);
  }

  @Post(':caseId/steps/:step')
  async postStep(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Param('step') step: string,
    @Body() body: FormBody,
  ) {
    const form = this.stepForm(step);
    const context = {
      ...this.caseFormContext(caseId, form, `/cases/${encodeURIComponent(caseId)}/steps/${form.key}`),
      revision: revisionOf(body),
    };
    const parsed = parseForm(form, body);
    if (!parsed.ok) {
      // The ref choices are only needed again when the form is shown again.
      const again = await this.stepContext(req, caseId, form);
      return this.render(req, res, 400, form, body, parsed.errors, { ...again, revision: context.revision });
    }
    const { path, body: command } = commandOf(form, caseId, parsed.values);
    const refused = await this.send(
      req,
      res,
      { method: 'POST', path, body: command, caseId, recorded: form.key },
      body,
      context.revision,
    );
    if (refused) {
      const again = await this.stepContext(req, caseId, form);
      this.render(req, res, refused.status, form, body, refused.errors, {
        ...again,
        revision: context.revision,
      });
    }
  }

  @Get(':caseId/history/:revision/correct')
  async showCorrection(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Param('revision', ParseIntPipe) revision: number,
  ) {
    const { summary, event } = await this.fact(req, caseId, revision, canCorrect);
    const form = correctionFormOf(caseId, event);
    const context = { ...this.correctionContext(caseId, revision, 'correct'), revision: summary.revision };
    this.render(req, res, 200, form, bodyOf(form, currentValuesOf(event)), undefined, context);
  }

  @Post(':caseId/history/:revision/correct')
  async postCorrection(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Param('revision', ParseIntPipe) revision: number,
    @Body() body: FormBody,
  ) {
    const event = await this.event(req, caseId, revision, canCorrect);
    const form = correctionFormOf(caseId, event);
    const context = { ...this.correctionContext(caseId, revision, 'correct'), revision: revisionOf(body) };
    const parsed = parseForm(form, body);
    if (!parsed.ok) return this.render(req, res, 400, form, body, parsed.errors, context);
    const { reason, ...values } = parsed.values;
    const changes = changesOf(event, values);
    if (Object.keys(changes).length === 0)
      return this.render(
        req,
        res,
        400,
        form,
        body,
        [{ field: '', message: 'Change at least one answer, or cancel' }],
        context,
      );
    const command = { revision, action: 'correct', changes, reason };
    await this.sendOrShow(req, res, form, body, context, {
      method: 'POST',
      path: form.command,
      body: command,
      caseId,
      recorded: 'correct',
    });
  }

  @Get(':caseId/history/:revision/void')
  async showVoid(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Param('revision', ParseIntPipe) revision: number,
  ) {
    const { summary, event } = await this.fact(req, caseId, revision, canVoid);
    const context = {
      ...this.correctionContext(caseId, revision, 'void'),
      revision: summary.revision,
      warning: true,
    };
    this.render(req, res, 200, voidFormOf(caseId, event), {}, undefined, context);
  }

  @Post(':caseId/history/:revision/void')
  async postVoid(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Param('revision', ParseIntPipe) revision: number,
    @Body() body: FormBody,
  ) {
    const event = await this.event(req, caseId, revision, canVoid);
    const form = voidFormOf(caseId, event);
    const context = {
      ...this.correctionContext(caseId, revision, 'void'),
      revision: revisionOf(body),
      warning: true,
    };
    const parsed = parseForm(form, body);
    if (!parsed.ok) return this.render(req, res, 400, form, body, parsed.errors, context);
    const command = { revision, action: 'void', reason: parsed.values.reason };
    await this.sendOrShow(req, res, form, body, context, {
      method: 'POST',
      path: form.command,
      body: command,
      caseId,
      recorded: 'void',
    });
  }

  @Get(':caseId/child')
  async showChild(@Req() req: Request, @Res() res: Response, @Param('caseId') caseId: string) {
    const summary = await this.api.get<CaseSummary>(req, `/cases/${encodeURIComponent(caseId)}`);
    if (!summary.child) throw new NotFoundException();
    const context = {
      ...this.caseFormContext(caseId, CHILD_DETAILS_FORM, `/cases/${encodeURIComponent(caseId)}/child`),
      revision: summary.revision,
    };
    this.render(
      req,
      res,
      200,
      CHILD_DETAILS_FORM,
      bodyOf(CHILD_DETAILS_FORM, summary.child),
      undefined,
      context,
    );
  }

  @Post(':caseId/child')
  async postChild(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Body() body: FormBody,
  ) {
    const form = CHILD_DETAILS_FORM;
    const context = {
      ...this.caseFormContext(caseId, form, `/cases/${encodeURIComponent(caseId)}/child`),
      revision: revisionOf(body),
    };
    const parsed = parseForm(form, body);
    if (!parsed.ok) return this.render(req, res, 400, form, body, parsed.errors, context);
    const path = form.command.replace('{caseId}', encodeURIComponent(caseId));
    await this.sendOrShow(req, res, form, body, context, {
      method: 'PUT',
      path,
      body: parsed.values,
      caseId,
      recorded: 'child',
    });
  }

  private stepForm(step: string): StepForm {
    const form = stepFormOf(step);
    if (!form) throw new NotFoundException();
    return form;
  }

  /** Two api calls: the case (its revision) and, when the form chooses an earlier item, its history. */
  private async stepContext(req: Request, caseId: string, form: StepForm): Promise<FormContext> {
    const id = encodeURIComponent(caseId);
    const needsHistory = form.fields.some((field) => field.type === 'ref');
    const [summary, events] = await Promise.all([
      this.api.get<CaseSummary>(req, `/cases/${id}`),
      needsHistory ? this.api.get<CaseEvent[]>(req, `/cases/${id}/events`) : Promise.resolve([]),
    ]);
    const choices = Object.fromEntries(
      form.fields.flatMap((field) =>
        field.type === 'ref' ? [[field.name, refOptions(events, field.source)]] : [],
      ),
    );
    return {
      ...this.caseFormContext(caseId, form, `/cases/${id}/steps/${form.key}`),
      caption: summary.reference ?? undefined,
      revision: summary.revision,
      choices,
    };
  }

  private caseFormContext(caseId: string, _form: StepForm, action: string): FormContext {
    return { action, backHref: `/cases/${encodeURIComponent(caseId)}` };
  }

  private correctionContext(caseId: string, revision: number, what: 'correct' | 'void'): FormContext {
    return {
      action: `/cases/${encodeURIComponent(caseId)}/history/${revision}/${what}`,
      backHref: `/cases/${encodeURIComponent(caseId)}`,
    };
  }

  private newContext(req: Request, form: StepForm): FormContext {
    const teams = req.session.user?.teams ?? [];
    const other =
      form === NEW_REQUEST_FORM
        ? {
            href: '/cases/new/transfer-in',
            text: 'Record a plan transferred in from another authority instead',
          }
        : { href: '/cases/new', text: 'Record a new request for assessment instead' };
    return {
      action: form === NEW_REQUEST_FORM ? '/cases/new' : '/cases/new/transfer-in',
      backHref: '/cases',
      choices: { team: teams.map((team) => ({ value: team, text: team })) },
      alternative: other,
    };
  }

  /** Two api calls: the case (its current revision) and its history (the fact). */
  private async fact(req: Request, caseId: string, revision: number, allowed: (event: CaseEvent) => boolean) {
    const [summary, event] = await Promise.all([
      this.api.get<CaseSummary>(req, `/cases/${encodeURIComponent(caseId)}`),
      this.event(req, caseId, revision, allowed),
    ]);
    return { summary, event };
  }

  private async event(
    req: Request,
    caseId: string,
    revision: number,
    allowed: (event: CaseEvent) => boolean,
  ) {
    const events = await this.api.get<CaseEvent[]>(req, `/cases/${encodeURIComponent(caseId)}/events`);
    const event = events.find((e) => e.revision === revision);
    if (!event || !allowed(event)) throw new NotFoundException();
    return event;
  }

  private async submitNew(req: Request, res: Response, form: StepForm, body: FormBody) {
    const context = this.newContext(req, form);
    const parsed = parseForm(form, body);
    if (!parsed.ok) return this.render(req, res, 400, form, body, parsed.errors, context);
    const { path, body: command } = commandOf(form, '', parsed.values);
    await this.sendOrShow(req, res, form, body, context, {
      method: 'POST',
      path,
      body: command,
      recorded: form.key,
    });
  }

  /** Sends the command; a refusal shows the same form again (its context needs no api call). */
  private async sendOrShow(
    req: Request,
    res: Response,
    form: StepForm,
    body: FormBody,
    context: FormContext,
    send: Send,
  ) {
    const refused = await this.send(req, res, send, body, context.revision);
    if (refused) this.render(req, res, refused.status, form, body, refused.errors, context);
  }

  /**
   * The one api command. Success redirects to the case page with its banner; a stale revision (412)
   * explains that someone else changed the case. Field refusals (400, 422) and conflicts (409, whose
   * message goes in the summary) are returned for the form to show again with the values kept.
   * Anything else reaches the error filter.
   */
  private async send(
    req: Request,
    res: Response,
    send: Send,
    body: FormBody,
    revision: number | undefined,
  ): Promise<{ status: number; errors: ProblemFieldError[] } | undefined> {
    const headers: Record<string, string> = {};
    const nonce = body._nonce ?? '';
    if (NONCE.test(nonce)) headers['idempotency-key'] = `web-${nonce}`;
    if (send.caseId !== undefined && revision !== undefined) headers['if-match'] = `"${revision}"`;
    let result: CommandResult;
    try {
      result =
        send.method === 'PUT'
          ? await this.api.put<CommandResult>(req, send.path, send.body, headers)
          : await this.api.post<CommandResult>(req, send.path, send.body, headers);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 412 && send.caseId !== undefined) {
        res.status(412).render('pages/step-conflict', {
          pageTitle: 'Someone else changed this case',
          caseHref: `/cases/${encodeURIComponent(send.caseId)}`,
        });
        return undefined;
      }
      if (![400, 409, 422].includes(error.status)) throw error;
      const errors: ProblemFieldError[] = error.errors.length
        ? [...error.errors]
        : [{ field: '', message: error.detail || error.title }];
      if (error.status === 409 && error.errors.length && error.detail)
        errors.unshift({ field: '', message: error.detail });
      return { status: error.status, errors };
    }
    const caseId = send.caseId ?? result.caseId;
    const query = new URLSearchParams({ recorded: send.recorded, minPosition: String(result.position) });
    res.redirect(303, `/cases/${encodeURIComponent(caseId)}?${query.toString()}`);
    return undefined;
  }

  private render(
    _req: Request,
    res: Response,
    status: number,
    form: StepForm,
    body: FormBody,
    errors: readonly ProblemFieldError[] | undefined,
    context: FormContext,
  ) {
    const linked = errors ? formErrorsFrom(form, errors) : undefined;
    res.status(status).render('pages/step-form', {
      pageTitle: form.title,
      hint: form.hint,
      button: form.button,
      fields: fieldViewsOf(form, body, context.choices),
      // A fresh key per rendering: a refused post appended nothing, so the corrected one is new.
      nonce: randomUUID(),
      errors: linked ? govukErrorsFrom(linked.errors, linked.fieldIds, 'step-form') : undefined,
      ...context,
    });
  }
}

/** The revision the form was first rendered at (its hidden field), kept through error pages. */
function revisionOf(body: FormBody): number | undefined {
  const value = body._revision;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}
