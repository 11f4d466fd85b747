#!/usr/bin/env node
// `npm start`: runs api, projector, notifier and web as child processes of one small supervisor.
// SIGTERM/SIGINT stop all three cleanly; if one dies, the others are stopped too, so a process
// manager above sees the failure instead of a half-running system.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const apps = ['api', 'projector', 'notifier', 'web'];
const children = apps.map((app) => {
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', app, 'src', 'main.js')], {
    stdio: 'inherit',
  });
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

const webPort = process.env.WEB_PORT || '3003';
process.stdout.write(`[start] web app: http://localhost:${webPort}/ (development sign-in: /dev/sign-in)\n`);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stopAll(signal));
