import { Body, Controller, Ip, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, AllowPendingPasswordChange, AuthService, CurrentActor, MfaService, OptionalActor, OptionalAuth, Public, SignedIn } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';

import {
  ChangePasswordDto,
  LoginDto,
  MfaEnrolmentConfirmDto,
  MfaEnrolmentConfirmedDto,
  MfaEnrolmentDto,
  MfaEnrolmentStartedDto,
  MfaVerifyDto,
  RefreshDto,
  SecondFactorDto,
  SignInResultDto,
  TokenPairDto,
} from './dto/auth.dto';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { clearRefreshCookie, isCookieMode, refreshCookieOf } from './web-session';
import { WebSessionInterceptor } from './web-session.interceptor';

/** Cookie mode (docs/sign-in.md): the web client's header; the refresh token then travels in a cookie. */
const CookieMode = () =>
  ApiHeader({ name: 'X-Requested-With', required: false, description: '`eoffice-web`: cookie mode — the refresh token is set as an HttpOnly cookie, not answered in the body' });

/** Sign-in, its second factor and sessions (docs/sign-in.md); cookie mode for the web client (web-session.ts). */
@ApiTags('auth')
@CookieMode()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly mfa: MfaService,
  ) {}

  /** Throttled per (account, address) with a progressive delay, and per address; 429 TOO_MANY_REQUESTS carries Retry-After. */
  @Public()
  @Post('login')
  @UseInterceptors(RetryAfterInterceptor, WebSessionInterceptor)
  @Answers(200, SignInResultDto, { public: true, errors: [403, 429] })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<SignInResultDto> {
    return this.auth.login(dto.username, dto.password, ip);
  }

  /** The second step of sign-in: a code from the authenticator app or a recovery code. */
  @Public()
  @Post('mfa/verify')
  @UseInterceptors(RetryAfterInterceptor, WebSessionInterceptor)
  @Answers(200, TokenPairDto, { public: true, errors: [403, 429] })
  verifyMfa(@Body() dto: MfaVerifyDto): Promise<TokenPairDto> {
    return this.auth.verifySecondFactor(dto.mfaToken, { code: dto.code, recoveryCode: dto.recoveryCode });
  }

  /** A new secret and its QR code; with the sign-in's MFA token, or signed in (optional roles). */
  @OptionalAuth()
  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('mfa/enrolment')
  @Answers(200, MfaEnrolmentStartedDto, { public: true, errors: [409] })
  startEnrolment(@OptionalActor() actor: Actor | undefined, @Body() dto: MfaEnrolmentDto): Promise<MfaEnrolmentStartedDto> {
    return this.auth.startEnrolment({ actor, mfaToken: dto.mfaToken });
  }

  /** The first code turns the factor on: answers the recovery codes (and the session, during sign-in). */
  @OptionalAuth()
  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('mfa/enrolment/confirm')
  @UseInterceptors(RetryAfterInterceptor, WebSessionInterceptor)
  @Answers(200, MfaEnrolmentConfirmedDto, { public: true, errors: [403, 409, 429] })
  confirmEnrolment(@OptionalActor() actor: Actor | undefined, @Body() dto: MfaEnrolmentConfirmDto): Promise<MfaEnrolmentConfirmedDto> {
    return this.auth.confirmEnrolment({ actor, mfaToken: dto.mfaToken }, dto.code);
  }

  /** Only for roles that do not require a second factor, with a current code or a recovery code. */
  @ApiBearerAuth()
  @Post('mfa/disable')
  @UseInterceptors(RetryAfterInterceptor)
  @SignedIn()
  @Answers(204, null, { errors: [409, 429] })
  disableMfa(@CurrentActor() actor: Actor, @Body() dto: SecondFactorDto): Promise<void> {
    return this.mfa.disable(actor, { code: dto.code, recoveryCode: dto.recoveryCode });
  }

  /** JSON mode: `{refreshToken}`; cookie mode: `{}`, the token comes from the cookie (CSRF-checked). */
  @Public()
  @Post('refresh')
  @UseInterceptors(WebSessionInterceptor)
  @Answers(200, TokenPairDto, { public: true, errors: [401, 403] })
  refresh(@Body() dto: RefreshDto, @Req() req: Request): Promise<TokenPairDto> {
    // An empty token is an unknown one: 401 INVALID_REFRESH_TOKEN, as for any other.
    return this.auth.refresh(dto.refreshToken ?? (isCookieMode(req) ? refreshCookieOf(req) : undefined) ?? '');
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('logout')
  @SignedIn()
  @UseInterceptors(WebSessionInterceptor)
  @Answers(204, null)
  async logout(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    if (isCookieMode(req)) clearRefreshCookie(res);
  }

  /** Ends every session of the person and answers a fresh one for this device; throttled like sign-in. */
  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('password')
  @UseInterceptors(RetryAfterInterceptor, WebSessionInterceptor)
  @SignedIn()
  @Answers(200, TokenPairDto, { errors: [429] })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword, ip);
  }
}
