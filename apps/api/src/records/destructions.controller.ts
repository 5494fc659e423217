import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { Destruction, DestructionDetail, DestructionService, retentionEnd } from '@eoffice/records';
import { Answers } from '../http/api-answers.decorator';
import { CreateDestructionDto, DestructionDetailDto, DestructionDto, SubmitDestructionDto } from './dto/destructions.dto';

const toDto = (d: Destruction): DestructionDto => ({
  id: d.id, agencyId: d.agencyId, title: d.title, status: d.status, createdBy: d.createdBy, submittedBy: d.submittedBy, submittedAt: d.submittedAt, approvedBy: d.approvedBy, approvedAt: d.approvedAt, createdAt: d.createdAt,
});

const toDetailDto = ({ destruction, lines, tombstones }: DestructionDetail): DestructionDetailDto => ({
  ...toDto(destruction),
  records: lines.map(({ line, record }) => ({ ordinal: line.ordinal, recordId: record.id, fileCode: record.fileCode, title: record.title, recordStatus: record.status, retentionEnd: retentionEnd(record) })),
  tombstones: tombstones.map((t) => ({ recordId: t.recordId, fileCode: t.fileCode, title: t.title, decidedBy: t.decidedBy, destroyedAt: t.destroyedAt, documents: t.documents, filesRemoved: t.storageKeys.length })),
});

/**
 * Tiêu hủy: the clerk proposes records whose retention ended (or submits the list the daily records
 * scan proposed), an agency leader approves and the
 * records are destroyed, leaving tombstones (docs/records.md, "Retention and destruction").
 */
@ApiTags('records')
@ApiBearerAuth()
@Controller('destructions')
export class DestructionsController {
  constructor(private readonly destructions: DestructionService) {}

  @Get()
  @Roles(Role.clerk, Role.leader, Role.leadership)
  @Answers(200, [DestructionDto])
  async list(@CurrentActor() actor: Actor): Promise<DestructionDto[]> {
    return (await this.destructions.list(actor)).map(toDto);
  }

  @Post()
  @Roles(Role.clerk)
  @Answers(201, DestructionDetailDto, { errors: [409, 422] })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateDestructionDto): Promise<DestructionDetailDto> {
    return toDetailDto(await this.destructions.create(actor, dto));
  }

  @Get(':id')
  @Roles(Role.clerk, Role.leader, Role.leadership)
  @Answers(200, DestructionDetailDto, { errors: [404] })
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DestructionDetailDto> {
    return toDetailDto(await this.destructions.detail(actor, id));
  }

  @Post(':id/submit')
  @Roles(Role.clerk)
  @Answers(200, DestructionDetailDto, { errors: [404, 409, 422] })
  async submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitDestructionDto): Promise<DestructionDetailDto> {
    return toDetailDto(await this.destructions.submit(actor, id, dto));
  }

  @Post(':id/approve')
  @Roles(Role.leader)
  @Answers(200, DestructionDetailDto, { errors: [404, 409] })
  async approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DestructionDetailDto> {
    return toDetailDto(await this.destructions.approve(actor, id));
  }
}
