import type { AppConfig } from '@ehcp/config';

/** Whom a family contacts about their case, and where they get help that is not the council's. */
export interface FamilyContact {
  readonly email: string;
  readonly phone: string;
}

export interface IndependentHelp {
  readonly sendiass: { readonly name: string; readonly url: string };
  readonly ipsea: { readonly name: string; readonly url: string };
}

type ContactConfig = Pick<AppConfig, 'FAMILY_CONTACT_EMAIL' | 'FAMILY_CONTACT_PHONE' | 'TEAM_CONTACTS'>;

/** The team's own e-mail and phone (TEAM_CONTACTS) where set, else the service's (FAMILY_CONTACT_*). */
export function familyContactOf(config: ContactConfig, team: string | null): FamilyContact {
  const own = team === null ? undefined : config.TEAM_CONTACTS[team];
  return {
    email: own?.email ?? config.FAMILY_CONTACT_EMAIL,
    phone: own?.phone ?? config.FAMILY_CONTACT_PHONE,
  };
}

export const IPSEA_URL = 'https://www.ipsea.org.uk';

export function independentHelpOf(
  config: Pick<AppConfig, 'SENDIASS_NAME' | 'SENDIASS_URL'>,
): IndependentHelp {
  return {
    sendiass: { name: config.SENDIASS_NAME, url: config.SENDIASS_URL },
    ipsea: { name: 'IPSEA (Independent Provider of Special Education Advice)', url: IPSEA_URL },
  };
}
