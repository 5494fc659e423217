import { Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@eoffice/accounts';
import { MediaType, MultipartResult } from '@eoffice/core';
import { OutgoingQueryService } from '@eoffice/documents';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';

/** POST /signatures/verify: anyone signed in can check the signatures of a PDF they hold. */
@ApiTags('signatures')
@ApiBearerAuth()
@Controller('signatures')
export class SignaturesController {
  constructor(private readonly queries: OutgoingQueryService) {}

  @Post('verify')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor({ files: { file: { required: true, allowedTypes: [MediaType.pdf] } }, fields: [] }))
  async verify(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult) {
    return this.queries.verifyUpload(actor, parts.files.file);
  }
}
