// The api's answers the caseworker pages read (API.md "Queries"): only the fields the pages show.

export interface DeadlineJson {
  readonly id: string;
  readonly kind: string;
  /** The kind in plain words (the api's DEADLINE_TITLES). */
  readonly title: string;
  readonly dueOn: string;
  readonly metOn: string | null;
  readonly status: string;
  readonly daysRemaining: number | null;
  readonly exceptionApplies: boolean;
  readonly rule: string;
}

export interface ChildJson {
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
}

export interface WorkTrayItemJson {
  readonly caseId: string;
  readonly reference: string | null;
  readonly team: string;
  readonly stage: string;
  readonly nextDeadline: DeadlineJson | null;
  /** Only in answer to a search (`q`); null once the child's data was erased. */
  readonly child?: ChildJson | null;
}

export interface WorkTrayJson {
  readonly items: readonly WorkTrayItemJson[];
  readonly total: number;
}

export interface AppealJson {
  readonly appealId: string;
  readonly against: string;
  readonly lodgedOn: string;
  readonly outcome: { readonly outcome: string; readonly decidedOn: string } | null;
}

/** (issue 17) That the child's or young person's views were gathered (the summary is in the events). */
export interface ChildViewsJson {
  readonly viewsId: string;
  readonly gatheredOn: string;
  readonly method: string;
  readonly stage: string;
}

/** (issue 17) The family's current private link: never its token, which only the family holds. */
export interface FamilyLinkJson {
  readonly linkId: string;
  readonly issuedOn: string;
  readonly expiresOn: string;
}

export interface CaseJson {
  readonly caseId: string;
  readonly reference: string | null;
  readonly team: string;
  readonly caseworkerId: string | null;
  readonly stage: string;
  readonly requestReceivedOn: string | null;
  readonly child: ChildJson | null;
  readonly revision: number;
  readonly deadlines: readonly DeadlineJson[];
  readonly ceasesOn?: string | null;
  readonly appeals?: readonly AppealJson[];
  readonly views?: readonly ChildViewsJson[];
  /** The link not revoked (an expired one too, with its expiresOn), or null. */
  readonly familyLink?: FamilyLinkJson | null;
  readonly transferredIn?: {
    readonly fromAuthority: string;
    readonly transferredOn: string;
    readonly planMadeOn: string;
    readonly lastReviewedOn: string | null;
  } | null;
}

export interface CaseEventJson {
  readonly revision: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly userId: string };
}

export interface NotificationJson {
  readonly id: string;
  readonly deadlineId: string;
  readonly kind: string;
  readonly dueOn: string;
  readonly createdAt: string;
  readonly deliveries: readonly {
    readonly channel: string;
    readonly status: string;
    readonly attempts: number;
  }[];
  readonly deadline?: DeadlineJson | null;
}

export interface NotificationPageJson {
  readonly items: readonly NotificationJson[];
  readonly total: number;
}
