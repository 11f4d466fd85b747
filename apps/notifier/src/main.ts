import 'reflect-metadata';
import { loadConfigOrExit, runApp } from '@ehcp/config';
import { NotifierModule } from './notifier.module';

const config = loadConfigOrExit();
void runApp(NotifierModule.register(config), { port: config.NOTIFIER_PORT });
