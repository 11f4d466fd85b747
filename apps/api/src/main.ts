import 'reflect-metadata';
import { loadConfigOrExit, runApp } from '@ehcp/config';
import { ApiModule } from './api.module';
import { configureHttp } from './configure-http';

const config = loadConfigOrExit();
void runApp(ApiModule.register(config), { port: config.PORT, configure: configureHttp });
