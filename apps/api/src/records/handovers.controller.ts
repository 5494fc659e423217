import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { HandoverService } from '@eoffice/records';
import { Answers } from '../http/api-answers.decorator';
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
  constructor(private readonly handovers: HandoverService) {}

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
}
