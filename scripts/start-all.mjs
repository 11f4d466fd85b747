#!/usr/bin/env node
// `npm start`: runs api, projector, notifier and the web app (or the apps named: `npm run start:api`)
// as child processes of one small supervisor, and prints the web app's URL once it answers.
// SIGTERM/SIGINT stop them all cleanly; if one dies, the others are stopped too, so a process manager
// above sees the failure instead of a half-running system.
/* global fetch -- Node 20 has it; the lint config lists the older globals only */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const mainOf = (app) => join(root, 'dist', 'apps', app, 'src', 'main.js');
// Each app's Node.js flags (README "Memory"), the benchmarks launch the apps with them too.
const nodeFlags = JSON.parse(readFileSync(join(root, 'scripts', 'app-node-flags.json'), 'utf8'));
// `node scripts/start-all.mjs api`: only the apps named (npm run start:api), else all four.
const named = process.argv.slice(2);
for (const app of named)
  if (!(app in nodeFlags)) throw new Error(`no app ${app}: name ${Object.keys(nodeFlags).join(', ')}`);
// The web app is started when it is built (a build from before apps/web has none): the rest must not
// fail for want of it.
const apps = (named.length > 0 ? named : ['api', 'projector', 'notifier', 'web']).filter(
  (app) => app !== 'web' || existsSync(mainOf(app)),
);
if (!apps.includes('web') && named.length === 0)
  process.stderr.write(`[start] no web app at ${mainOf('web')}: not started\n`);
const children = apps.map((app) => {
  const child = spawn(process.execPath, [...nodeFlags[app], mainOf(app)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => onExit(app, code, signal));
  return child;
});
let stopping = false;
let exitCode = 0;

function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
  setTimeout(() => process.exit(exitCode || 1), 15000).unref();
}

function onExit(app, code, signal) {
  if (!stopping) {
    process.stderr.write(`[start] ${app} exited (${signal ?? code}); stopping the others\n`);
    exitCode = code || 1;
    stopAll('SIGTERM');
  }
  if (children.every((child) => child.exitCode !== null || child.signalCode !== null)) process.exit(exitCode);
}

/** Says where the web app is once it answers (any HTTP answer: its start page redirects to sign-in). */
async function announceWeb() {
  const url = `http://127.0.0.1:${process.env.WEB_PORT || 3003}`;
  for (let attempt = 0; attempt < 240 && !stopping; attempt += 1) {
    const answered = await fetch(url, { redirect: 'manual' }).then(
      () => true,
      () => false,
    );
    if (answered) {
      process.stdout.write(`[start] web app: ${url}/ (development sign-in: ${url}/dev/sign-in)\n`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500).unref());
  }
}

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stopAll(signal));
if (apps.includes('web')) void announceWeb();
