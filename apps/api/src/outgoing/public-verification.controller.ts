import { Controller, Get, Ip, Param, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@eoffice/accounts';
import { PublicVerificationService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { VerificationRetryAfterInterceptor } from './verification-retry-after.interceptor';
import { PublicVerificationDto } from './dto/public-verification.dto';

/**
 * Tra cứu văn bản: what the link and QR code printed on an issued copy open. No sign-in; limited
 * per address (429 VERIFICATION_RATE_LIMITED with Retry-After); an unknown or forged token is
 * 404 VERIFICATION_NOT_FOUND. A confidential document shows no subject.
 */
@ApiTags('verification')
@Controller('verify')
export class PublicVerificationController {
  constructor(private readonly verification: PublicVerificationService) {}

  @Get(':token')
  @Public()
  @UseInterceptors(VerificationRetryAfterInterceptor)
  @Answers(200, PublicVerificationDto, { public: true, errors: [404, 429] })
  verify(@Param('token') token: string, @Ip() ip: string): Promise<PublicVerificationDto> {
    return this.verification.verify(token.slice(0, 64), ip);
  }
}
