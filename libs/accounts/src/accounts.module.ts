import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { AuthGuard } from './authorization/auth.guard';
import { RefreshToken } from './entities/refresh-token.entity';
import { Unit } from './entities/unit.entity';
import { User } from './entities/user.entity';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { UnitRepository } from './repositories/unit.repository';
import { UserRepository } from './repositories/user.repository';
import { AuthService } from './services/auth.service';
import { BootstrapAdminService } from './services/bootstrap-admin.service';
import { PasswordHasher } from './services/password-hasher.service';
import { ProfileService } from './services/profile.service';
import { TokenService } from './services/token.service';
import { UserDirectoryService } from './services/user-directory.service';

const services = [AuthService, TokenService, PasswordHasher, ProfileService, UserDirectoryService];

const imports = [
  TypeOrmModule.forFeature([Unit, User, RefreshToken]),
  JwtModule.registerAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      secret: config.JWT_SECRET,
      signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' as const },
      verifyOptions: { algorithms: ['HS256' as const] },
    }),
  }),
];
const providers = [UnitRepository, UserRepository, RefreshTokenRepository, ...services];

@Module({})
export class AccountsModule {
  /** The HTTP API adds the global auth guard and the first-administrator bootstrap. */
  static forApi(): DynamicModule {
    return {
      module: AccountsModule,
      imports,
      providers: [...providers, { provide: APP_GUARD, useClass: AuthGuard }, BootstrapAdminService],
      exports: services,
    };
  }

  static forWorker(): DynamicModule {
    return { module: AccountsModule, imports, providers, exports: services };
  }
}
