import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'bangnv' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'required in JSON mode; omitted in cookie mode (X-Requested-With: eoffice-web), where the cookie carries it' })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ description: '≥ 8 characters with upper case, lower case, digit and special character' })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiPropertyOptional({ description: 'always in JSON mode; absent in cookie mode (X-Requested-With: eoffice-web), where an HttpOnly cookie holds it' })
  refreshToken?: string;
  @ApiProperty({ description: 'access token lifetime in seconds' }) expiresIn!: number;
  @ApiProperty() mustChangePassword!: boolean;
}

export class SignInResultDto {
  @ApiProperty({
    enum: ['signed_in', 'mfa_required', 'mfa_enrolment_required'],
    description: 'signed_in: the tokens are here; mfa_required: send a code with mfaToken to /auth/mfa/verify; mfa_enrolment_required: enrol with mfaToken (/auth/mfa/enrolment)',
  })
  status!: 'signed_in' | 'mfa_required' | 'mfa_enrolment_required';
  @ApiPropertyOptional() accessToken?: string;
  @ApiPropertyOptional() refreshToken?: string;
  @ApiPropertyOptional({ description: 'access token lifetime in seconds' }) expiresIn?: number;
  @ApiPropertyOptional() mustChangePassword?: boolean;
  @ApiPropertyOptional({ description: 'good only for the /auth/mfa routes of this sign-in' }) mfaToken?: string;
  @ApiPropertyOptional({ description: 'mfaToken lifetime in seconds' }) mfaTokenExpiresIn?: number;
}

export class SecondFactorDto {
  @ApiPropertyOptional({ description: 'the 6-digit code of the authenticator app', example: '123456' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code?: string;

  @ApiPropertyOptional({ description: 'one of the recovery codes given at enrolment (each works once)' })
  @ValidateIf((dto: SecondFactorDto) => dto.code === undefined)
  @IsString()
  @Matches(/^[A-Za-z0-9 -]{25,40}$/, { message: 'recoveryCode is not a recovery code' })
  recoveryCode?: string;
}

export class MfaVerifyDto extends SecondFactorDto {
  @ApiProperty({ description: 'from the sign-in answer (status mfa_required)' })
  @IsString()
  @MinLength(20)
  @MaxLength(2000)
  mfaToken!: string;
}

export class MfaEnrolmentDto {
  @ApiPropertyOptional({ description: 'from the sign-in answer (status mfa_enrolment_required); omit when signed in (bearer token)' })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(2000)
  mfaToken?: string;
}

export class MfaEnrolmentConfirmDto extends MfaEnrolmentDto {
  @ApiProperty({ description: 'the first 6-digit code the app shows', example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;
}

export class MfaEnrolmentStartedDto {
  @ApiProperty({ description: 'Base32 secret, for typing into the app by hand' }) secret!: string;
  @ApiProperty({ description: 'otpauth://totp/… URI (what the QR code holds)' }) otpauthUri!: string;
  @ApiProperty({ description: 'the QR code as a data:image/png;base64 URL' }) qrCodeDataUrl!: string;
}

export class MfaEnrolmentConfirmedDto {
  @ApiProperty({ type: [String], description: 'ten one-time recovery codes, shown this once only' }) recoveryCodes!: string[];
  @ApiPropertyOptional({ type: TokenPairDto, description: 'the session, when enrolment was the second step of a sign-in' }) session?: TokenPairDto;
}
