import { loadConfig } from '@ehcp/config';
import { familyContactOf, independentHelpOf, IPSEA_URL } from './family-contact';

describe('whom a family contacts (issue 17)', () => {
  it('gives demonstration defaults, and the national SENDIASS finder', () => {
    const config = loadConfig({});
    expect(familyContactOf(config, 'north')).toEqual({
      email: 'send.team@example.gov.uk',
      phone: '01632 960000',
    });
    expect(independentHelpOf(config)).toEqual({
      sendiass: {
        name: 'Your local SENDIASS (information, advice and support service)',
        url: 'https://councilfordisabledchildren.org.uk/information-advice-and-support-services-network/find-your-local-ias-service',
      },
      ipsea: { name: expect.stringContaining('IPSEA'), url: IPSEA_URL },
    });
  });

  it('gives a team its own contact where TEAM_CONTACTS sets it, the service’s for the rest', () => {
    const config = loadConfig({
      FAMILY_CONTACT_EMAIL: 'send@council.gov.uk',
      FAMILY_CONTACT_PHONE: '0300 000 0000',
      TEAM_CONTACTS: '{"north":{"email":"north.send@council.gov.uk"}}',
      SENDIASS_NAME: 'Northshire SENDIASS',
      SENDIASS_URL: 'https://sendiass.northshire.example',
    });
    expect(familyContactOf(config, 'north')).toEqual({
      email: 'north.send@council.gov.uk',
      phone: '0300 000 0000',
    });
    expect(familyContactOf(config, 'south')).toEqual({
      email: 'send@council.gov.uk',
      phone: '0300 000 0000',
    });
    expect(familyContactOf(config, null).email).toBe('send@council.gov.uk');
    expect(independentHelpOf(config).sendiass).toEqual({
      name: 'Northshire SENDIASS',
      url: 'https://sendiass.northshire.example',
    });
  });

  it('refuses TEAM_CONTACTS that is not JSON, or names a team TEAMS does not list', () => {
    expect(() => loadConfig({ TEAM_CONTACTS: 'north=x' })).toThrow(/TEAM_CONTACTS/);
    expect(() => loadConfig({ TEAMS: 'north', TEAM_CONTACTS: '{"nroth":{"phone":"1"}}' })).toThrow(
      /TEAM_CONTACTS.*nroth/s,
    );
    expect(() => loadConfig({ TEAM_CONTACTS: '{"north":{"email":"not an address"}}' })).toThrow(
      /TEAM_CONTACTS/,
    );
  });
});
