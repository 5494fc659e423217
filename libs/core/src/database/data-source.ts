import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`typeorm migration:create|run|revert -d dist/.../data-source.js`). */
export default new DataSource(dataSourceOptions(loadConfig()));
