/** Pure specs, but property-based ones run hundreds of cases: room for a machine under load. */
jest.setTimeout(30_000);
