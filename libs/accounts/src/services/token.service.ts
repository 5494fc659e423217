import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import type { User } from '../entities/user.entity';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';
import { parseAccessClaims, parseMfaClaims, type AccessClaims, type MfaClaims, type MfaStage } from '../rules/token-claims';

export type { AccessClaims, MfaClaims, MfaStage } from '../rules/token-claims';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  mustChangePassword: boolean;
}

/** Between the password and the second factor: good only for the MFA routes, for five minutes. */
export const MFA_TOKEN_TTL_SECONDS = 300;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issuePair(user: User, familyId: string = randomUUID(), manager?: EntityManager): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert(
      {
        familyId,
        userId: user.id,
        tokenHash: hashToken(refreshToken),
        expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
      },
      manager,
    );
    const claims: Omit<AccessClaims, 'exp'> = { sub: user.id, sv: user.sessionVersion, fid: familyId, typ: 'access' };
    return {
      accessToken: await this.jwt.signAsync(claims),
      refreshToken,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      mustChangePassword: user.mustChangePassword,
    };
  }

  issueMfaToken(user: User, stage: MfaStage): Promise<string> {
    const claims: Omit<MfaClaims, 'exp'> = { sub: user.id, sv: user.sessionVersion, typ: 'mfa', stage };
    return this.jwt.signAsync(claims, { expiresIn: MFA_TOKEN_TTL_SECONDS });
  }

  /** Null for anything but a well-formed, unexpired access token signed by us. */
  async verifyAccess(token: string): Promise<AccessClaims | null> {
    const raw = await this.jwt.verifyAsync<Record<string, unknown>>(token).catch(() => null);
    return raw ? parseAccessClaims(raw) : null;
  }

  async verifyMfa(token: string): Promise<MfaClaims | null> {
    const raw = await this.jwt.verifyAsync<Record<string, unknown>>(token).catch(() => null);
    return raw ? parseMfaClaims(raw) : null;
  }
}
