/**
 * Tests that talk to real PostgreSQL, Redis and child processes never run under jest's 5 s default:
 * on a busy 2-core CI machine a database creation or an app start can take longer. A test still sets
 * its own, larger bound where it waits for more (a catch-up, a restart). (A project's `testTimeout`
 * in jest.config is ignored by jest 30, hence this setup file.)
 */
jest.setTimeout(60_000);
