/** API.md's command table: method, OpenAPI path, and who may call it. */
export interface CommandEndpoint {
  readonly method: 'post' | 'put' | 'delete';
  readonly path: string;
  /** `case_or_qa`: both may call it; what they may do with it is the domain's business (corrections). */
  readonly roles: 'case' | 'qa' | 'case_or_qa' | 'admin';
  /** Answers 201 (creates a case or sub-resource) rather than 200. */
  readonly creates: boolean;
  /** An empty body is a valid request (every field optional): only an unknown case refuses it. */
  readonly emptyBodyValid?: boolean;
}

const post = (path: string, creates = false, roles: CommandEndpoint['roles'] = 'case'): CommandEndpoint => ({
  method: 'post',
  path,
  roles,
  creates,
});

export const COMMAND_ENDPOINTS: readonly CommandEndpoint[] = [
  post('/cases', true),
  post('/cases/{caseId}/caseworker'),
  post('/cases/{caseId}/assessment-decision'),
  post('/cases/{caseId}/advice-requests', true),
  post('/cases/{caseId}/advice-requests/{adviceId}/received'),
  post('/cases/{caseId}/exceptions', true),
  post('/cases/{caseId}/exceptions/{exceptionId}/end'),
  post('/cases/{caseId}/plan-decision'),
  post('/cases/{caseId}/draft-plan'),
  post('/cases/{caseId}/representations'),
  post('/cases/{caseId}/consultations', true),
  post('/cases/{caseId}/consultations/{consultationId}/response'),
  post('/cases/{caseId}/final-plan'),
  post('/cases/{caseId}/reviews', true),
  post('/cases/{caseId}/reviews/{reviewId}/decision'),
  post('/cases/{caseId}/amendment-notices', true),
  post('/cases/{caseId}/amendment-notices/{noticeId}/representations'),
  post('/cases/{caseId}/amended-plan'),
  post('/cases/{caseId}/amendment-notices/{noticeId}/no-amendment'),
  post('/cases/{caseId}/phase-transfers', true),
  post('/cases/{caseId}/cessation'),
  post('/cases/{caseId}/closure'),
  post('/cases/{caseId}/qa-audits', true, 'qa'),
  { method: 'delete', path: '/cases/{caseId}/personal-data', roles: 'admin', creates: false },
  post('/cases/{caseId}/corrections', true, 'case_or_qa'),
  { method: 'put', path: '/cases/{caseId}/child', roles: 'case', creates: false },
  // (2nd ed.) transfer in, re-assessment, appeals, mediation, cessation decision
  post('/cases/transfers-in', true),
  post('/cases/{caseId}/transfer-notice'),
  post('/cases/{caseId}/reassessment-requests', true),
  post('/cases/{caseId}/reassessment-requests/{requestId}/decision'),
  post('/cases/{caseId}/reassessment-requests/{requestId}/unchanged'),
  post('/cases/{caseId}/appeals', true),
  post('/cases/{caseId}/appeals/{appealId}/outcome'),
  post('/cases/{caseId}/mediations', true),
  post('/cases/{caseId}/mediations/{mediationId}/end'),
  post('/cases/{caseId}/cessation-decision'),
  // (2nd ed.) the child's views, the family's private link
  post('/cases/{caseId}/views', true),
  { ...post('/cases/{caseId}/family-links', true), emptyBodyValid: true },
  { method: 'delete', path: '/cases/{caseId}/family-links/{linkId}', roles: 'case', creates: false },
];

/** The concrete URL of an endpoint for a case; sub-resource ids become `x1`. */
export function urlOf(endpoint: CommandEndpoint, caseId: string): string {
  return endpoint.path.replace('{caseId}', caseId).replace(/\{\w+\}/g, 'x1');
}
