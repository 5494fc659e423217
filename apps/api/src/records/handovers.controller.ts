import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { HandoverDownloadService, HandoverService } from '@eoffice/records';
import { Answers } from '../http/api-answers.decorator';
import { attachmentDisposition } from '../http/report-file.response';
import { CreateHandoverDto, HandoverDetailDto, HandoverDto } from './dto/handovers.dto';
import { toHandoverDetailDto, toHandoverDto } from './handovers.mapper';

/**
 * Nộp lưu: the clerk lists closed records for the agency archive, an agency leader approves, the
 * worker writes one BagIt package per record (docs/records.md, "Hand-over to the archive").
 */
@ApiTags('records')
@ApiBearerAuth()
@Controller('handovers')
export class HandoversController {
  constructor(
    private readonly handovers: HandoverService,
    private readonly downloads: HandoverDownloadService,
  ) {}

  @Get()
  @Roles(Role.clerk, Role.leader, Role.leadership)
  @Answers(200, [HandoverDto])
  async list(@CurrentActor() actor: Actor): Promise<HandoverDto[]> {
    return (await this.handovers.list(actor)).map(toHandoverDto);
  }

  @Post()
  @Roles(Role.clerk)
  @Answers(201, HandoverDetailDto, { errors: [409, 422] })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateHandoverDto): Promise<HandoverDetailDto> {
    return toHandoverDetailDto(await this.handovers.create(actor, dto));
  }

  @Get(':id')
  @Roles(Role.clerk, Role.leader, Role.leadership)
  @Answers(200, HandoverDetailDto, { errors: [404] })
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<HandoverDetailDto> {
    return toHandoverDetailDto(await this.handovers.detail(actor, id));
  }

  @Post(':id/approve')
  @Roles(Role.leader)
  @Answers(200, HandoverDetailDto, { errors: [404, 409] })
  async approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<HandoverDetailDto> {
    return toHandoverDetailDto(await this.handovers.approve(actor, id));
  }

  /** One record's package as a tar (pax) stream, verified against its manifest first. */
  @Get(':id/records/:recordId/package')
  @Header('Cache-Control', 'private, no-store')
  @Roles(Role.clerk, Role.leader, Role.leadership)
  @Answers(200, { binary: ['application/x-tar'] }, { errors: [404, 409], description: 'the BagIt directory `<file code>/…` as a tar; header X-Payload-Oxum' })
  async package(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('recordId', ParseUUIDPipe) recordId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const download = await this.downloads.tar(actor, id, recordId);
    res.setHeader('X-Payload-Oxum', download.oxum);
    return new StreamableFile(download.stream, { type: 'application/x-tar', disposition: attachmentDisposition(download.fileName) });
  }
}
