import { Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, SignedIn } from '@eoffice/accounts';
import { AnyDocumentType, MultipartResult } from '@eoffice/core';
import { DocumentFileService, ViewSource } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { ViewFrom } from '../http/view-source.decorator';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { StoredFileDto } from './dto/stored-file.dto';
import { toFileDto } from './file.mapper';
import { storedFileResponse } from '../http/stored-file.response';

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: DocumentFileService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(MultipartInterceptor({ files: { file: { required: true, allowedTypes: AnyDocumentType } }, fields: [] }))
  @SignedIn()
  @Answers(201, StoredFileDto, { errors: [413, 415] })
  async upload(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult): Promise<StoredFileDto> {
    return toFileDto(await this.files.upload(actor, parts!.files.file));
  }

  @Get(':id')
  @SignedIn()
  @Answers(200, { binary: ["application/octet-stream"] }, { errors: [404, 410], description: "the bytes, under the media type they were stored with" })
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @ViewFrom() from: ViewSource): Promise<StreamableFile> {
    return storedFileResponse(await this.files.openForReading(actor, id, from), id);
  }
}
