import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { Role } from '../authorization/role';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { generateOneTimePassword, passwordProblems } from '../rules/password-policy';
import { UserDirectoryService } from './user-directory.service';

/**
 * On first start (no administrator yet) creates one from BOOTSTRAP_ADMIN_USERNAME/PASSWORD,
 * so a new installation can be configured through the API.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly directory: UserDirectoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.existsWithRole(Role.admin)) return;
    const given = this.config.BOOTSTRAP_ADMIN_PASSWORD;
    if (given && passwordProblems(given).length > 0) {
      throw new Error(`Invalid configuration: BOOTSTRAP_ADMIN_PASSWORD ${passwordProblems(given).join(', ')}`);
    }
    const password = given ?? generateOneTimePassword();
    await this.dataSource.transaction(async (manager) => {
      // The advisory lock makes two API processes starting together create one admin, not two.
      await manager.query('SELECT pg_advisory_xact_lock(7230002)');
      if (await this.users.existsWithRole(Role.admin, manager)) return;
      const agency =
        (await this.units.findRootAgency(manager)) ??
        (await this.directory.createUnit(manager, null, { code: 'CQ', name: 'Cơ quan', kind: 'agency' }));
      await this.directory.createUser(manager, null, {
        username: this.config.BOOTSTRAP_ADMIN_USERNAME,
        fullName: 'Quản trị hệ thống',
        unitId: agency.id,
        roles: [Role.admin],
        password,
        mustChangePassword: !given,
      });
      this.logger.warn(
        given
          ? `Created the first administrator "${this.config.BOOTSTRAP_ADMIN_USERNAME}" from BOOTSTRAP_ADMIN_PASSWORD`
          : `Created the first administrator "${this.config.BOOTSTRAP_ADMIN_USERNAME}" with one-time password ${password} (change it at first sign-in)`,
      );
    });
  }
}
