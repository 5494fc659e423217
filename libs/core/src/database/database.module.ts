import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { installPoolGuard } from './pool-guard';

/** Entities register themselves through `TypeOrmModule.forFeature` in their own lib. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        installPoolGuard(config.DB_POOL_GUARD ?? (config.NODE_ENV === 'production' ? 'off' : 'log'));
        return { ...dataSourceOptions(config), migrations: [], autoLoadEntities: true, retryAttempts: 3, retryDelay: 1000 };
      },
    }),
  ],
})
export class DatabaseModule {}
