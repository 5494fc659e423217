import { Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@eoffice/accounts';
import { AnyDocumentType, MultipartResult } from '@eoffice/core';
import { DocumentFileService } from '@eoffice/documents';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
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
  async upload(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult) {
    return toFileDto(await this.files.upload(actor, parts!.files.file));
  }

  @Get(':id')
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return storedFileResponse(await this.files.openForReading(actor, id), id);
  }
}
