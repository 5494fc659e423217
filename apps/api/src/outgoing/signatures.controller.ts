import { Controller, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, SignedIn } from '@eoffice/accounts';
import { MediaType, MultipartResult } from '@eoffice/core';
import { OutgoingQueryService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { VerificationReportDto } from './dto/verification.dto';
import { toVerificationReportDto } from './verification.mapper';

/** POST /signatures/verify: anyone signed in can check the signatures of a PDF they hold. */
@ApiTags('signatures')
@ApiBearerAuth()
@Controller('signatures')
export class SignaturesController {
  constructor(private readonly queries: OutgoingQueryService) {}

  @Post('verify')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor({ files: { file: { required: true, allowedTypes: [MediaType.pdf] } }, fields: [] }))
  @SignedIn()
  @Answers(200, VerificationReportDto, { errors: [413, 415, 422] })
  async verify(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult): Promise<VerificationReportDto> {
    return toVerificationReportDto(await this.queries.verifyUpload(actor, parts.files.file));
  }
}
