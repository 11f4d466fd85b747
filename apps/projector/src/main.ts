import 'reflect-metadata';
import { loadConfigOrExit, runApp } from '@ehcp/config';
import { ProjectorModule } from './projector.module';

const config = loadConfigOrExit();
void runApp(ProjectorModule.register(config), { port: config.PROJECTOR_PORT });
