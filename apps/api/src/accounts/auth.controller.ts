import { Body, Controller, Ip, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

/** Sign-in, its second factor and sessions (docs/sign-in.md). */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly mfa: MfaService,
  ) {}

  /** Throttled per (account, address) with a progressive delay, and per address; 429 TOO_MANY_REQUESTS carries Retry-After. */
  @Public()
  @Post('login')
  @UseInterceptors(RetryAfterInterceptor)
  @Answers(200, SignInResultDto, { public: true, errors: [429] })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<SignInResultDto> {
    return this.auth.login(dto.username, dto.password, ip);
  }

  /** The second step of sign-in: a code from the authenticator app or a recovery code. */
  @Public()
  @Post('mfa/verify')
  @UseInterceptors(RetryAfterInterceptor)
  @Answers(200, TokenPairDto, { public: true, errors: [429] })
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
  @UseInterceptors(RetryAfterInterceptor)
  @Answers(200, MfaEnrolmentConfirmedDto, { public: true, errors: [409, 429] })
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

  @Public()
  @Post('refresh')
  @Answers(200, TokenPairDto, { public: true })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('logout')
  @SignedIn()
  @Answers(204, null)
  logout(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.logout(actor);
  }

  /** Ends every session of the person and answers a fresh one for this device; throttled like sign-in. */
  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('password')
  @UseInterceptors(RetryAfterInterceptor)
  @SignedIn()
  @Answers(200, TokenPairDto, { errors: [429] })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword, ip);
  }
}
