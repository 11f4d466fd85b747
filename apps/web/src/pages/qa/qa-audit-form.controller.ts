import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QA_AUDIT_ROLES } from '@ehcp/auth';
import type { QaGrade } from '@ehcp/domain';
import { ApiClient } from '../../api/api-client';
import { ApiError, type ProblemFieldError } from '../../api/api-errors';
import { govukErrorsFrom } from '../../api/problem-errors';
import { requireRole } from '../../auth/role-required';
import { caseIdOrNotFound, type CaseHeader } from './case-id';
import {
  AUDIT_FIELD_IDS,
  auditCommandFrom,
  auditFormView,
  auditRefusalErrors,
  type FormBody,
} from './qa-audit-form.view-model';
import { GRADE_LABELS, stageLabel } from './qa-labels';

const ROLE_NEEDED = 'QA officers and administrators';

/** The QA audit form: one POST /cases/{caseId}/qa-audits, then the case's audits with the derived grade. */
@Controller('cases')
export class QaAuditFormController {
  constructor(private readonly api: ApiClient) {}

  @Get(':caseId/qa-audits/new')
  async show(@Req() req: Request, @Res() res: Response, @Param('caseId') caseIdParam: string) {
    requireRole(req.session.user, QA_AUDIT_ROLES, ROLE_NEEDED);
    const caseId = caseIdOrNotFound(caseIdParam);
    const found = await this.api.get<CaseHeader>(req, `/cases/${caseId}`);
    this.render(res, 200, found, {});
  }

  @Post(':caseId/qa-audits/new')
  async record(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseIdParam: string,
    @Body() body: FormBody,
  ) {
    requireRole(req.session.user, QA_AUDIT_ROLES, ROLE_NEEDED);
    const caseId = caseIdOrNotFound(caseIdParam);
    const command = auditCommandFrom(body);
    const refused = async (status: number, errors: ProblemFieldError[]) =>
      this.render(res, status, await this.api.get<CaseHeader>(req, `/cases/${caseId}`), body, errors);
    if (!command.ok) return refused(400, command.errors);
    let answer: { auditId: string; overallGrade: QaGrade };
    try {
      // The form's nonce: a second click of the same form records the audit once.
      const nonce = typeof body.formNonce === 'string' && body.formNonce ? body.formNonce : randomUUID();
      answer = await this.api.post(req, `/cases/${caseId}/qa-audits`, command.value, {
        'idempotency-key': `qa-audit-${nonce}`,
      });
    } catch (error) {
      if (error instanceof ApiError && [400, 409, 422].includes(error.status))
        return refused(error.status, auditRefusalErrors(error, command.value.planVersion));
      throw error;
    }
    req.session.flash = {
      heading: `Audit recorded. Overall grade: ${GRADE_LABELS[answer.overallGrade] ?? answer.overallGrade}`,
      text: 'The overall grade is worked out from the section grades.',
    };
    res.redirect(303, `/cases/${caseId}/qa-audits`);
  }

  private render(
    res: Response,
    status: number,
    found: CaseHeader,
    values: FormBody,
    errors: ProblemFieldError[] = [],
  ): void {
    res.status(status).render('pages/qa-audit-form', {
      pageTitle: 'Record a QA audit',
      caseId: found.caseId,
      reference: found.reference,
      team: found.team,
      stage: stageLabel(found.stage),
      form: auditFormView(values),
      formNonce: typeof values.formNonce === 'string' && values.formNonce ? values.formNonce : randomUUID(),
      errors: errors.length ? govukErrorsFrom(errors, AUDIT_FIELD_IDS, 'planVersion') : undefined,
    });
  }
}
