import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { AuthGuard } from './authorization/auth.guard';
import { ExternalAgency } from './entities/external-agency.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { UnitDelegation } from './entities/unit-delegation.entity';
import { UnitMembership } from './entities/unit-membership.entity';
import { Unit } from './entities/unit.entity';
import { UnusedAccountReport } from './entities/unused-account-report.entity';
import { UserMfa } from './entities/user-mfa.entity';
import { User } from './entities/user.entity';
import { ExternalAgencyRepository } from './repositories/external-agency.repository';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { UnitDelegationRepository } from './repositories/unit-delegation.repository';
import { UnitMembershipRepository } from './repositories/unit-membership.repository';
import { UnitRepository } from './repositories/unit.repository';
import { UnusedAccountReportRepository } from './repositories/unused-account-report.repository';
import { UserMfaRepository } from './repositories/user-mfa.repository';
import { UserRepository } from './repositories/user.repository';
import { AgencySyncService } from './services/agency-sync.service';
import { AgencyDirectoryService } from './services/agency-directory.service';
import { AuthService } from './services/auth.service';
import { BootstrapAdminService } from './services/bootstrap-admin.service';
import { DelegationService } from './services/delegation.service';
import { DirectoryImportService } from './services/directory-import.service';
import { DirectorySearchService } from './services/directory-search.service';
import { LoginRateLimiter } from './services/login-rate-limiter.service';
import { MfaService } from './services/mfa.service';
import { OrganisationScope } from './services/organisation-scope.service';
import { PasswordHasher } from './services/password-hasher.service';
import { ProfileService } from './services/profile.service';
import { TokenService } from './services/token.service';
import { TotpService } from './services/totp.service';
import { UnitService } from './services/unit.service';
import { UnusedAccountReportService } from './services/unused-account-report.service';
import { UserDirectoryService } from './services/user-directory.service';
import { UserLifecycleService } from './services/user-lifecycle.service';
import { UserQueryService } from './services/user-query.service';
import { SignerStandingService } from './services/signer-standing.service';

const services = [
  AuthService,
  TokenService,
  PasswordHasher,
  ProfileService,
  UserDirectoryService,
  OrganisationScope,
  UnitService,
  UserLifecycleService,
  UserQueryService,
  DelegationService,
  SignerStandingService,
  DirectorySearchService,
  DirectoryImportService,
  AgencyDirectoryService,
  AgencySyncService,
  UnusedAccountReportService,
  MfaService,
];

const imports = [
  TypeOrmModule.forFeature([Unit, User, RefreshToken, UnitMembership, UnitDelegation, UnusedAccountReport, UserMfa, ExternalAgency]),
  JwtModule.registerAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      // A key made once: given the string, jsonwebtoken makes one on every request, after first
      // trying (and failing) to read it as a public key.
      secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
      signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' as const },
      verifyOptions: { algorithms: ['HS256' as const] },
    }),
  }),
];
const providers = [
  UnitRepository,
  UserRepository,
  ExternalAgencyRepository,
  RefreshTokenRepository,
  UnitMembershipRepository,
  UnitDelegationRepository,
  UnusedAccountReportRepository,
  UserMfaRepository,
  LoginRateLimiter,
  TotpService,
  ...services,
];

/**
 * Global: accounts is the backbone every later module's access checks stand on (OrganisationScope),
 * and an app imports exactly one variant of it.
 */
@Module({})
export class AccountsModule {
  /** The HTTP API adds the global auth guard and the first-administrator bootstrap. */
  static forApi(): DynamicModule {
    return {
      module: AccountsModule,
      global: true,
      imports,
      providers: [...providers, { provide: APP_GUARD, useClass: AuthGuard }, BootstrapAdminService],
      exports: services,
    };
  }

  /** The worker runs the accounts jobs (UnusedAccountReportService's @OnJob handler) from these providers. */
  static forWorker(): DynamicModule {
    return { module: AccountsModule, global: true, imports, providers, exports: services };
  }
}
