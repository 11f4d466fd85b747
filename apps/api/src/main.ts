import 'reflect-metadata';
import { loadConfigOrExit, runApp } from '@ehcp/config';
import { ApiModule } from './api.module';

const config = loadConfigOrExit();
void runApp(ApiModule.register(config), { port: config.PORT });
