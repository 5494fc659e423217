import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { IntakeDeskService, IntakeQueryService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { IntakeReasonDto, ListIntakeDto, RegisterIntakeDto } from './dto/intake-requests.dto';
import { IntakeItemDto, IntakePageDto, IntakeRegistrationDto } from './dto/intake-responses.dto';
import { toIntakeItemDto, toIntakePageDto, toIntakeRegistrationDto } from './intake.mapper';

/** Văn bản chờ vào sổ (docs/intake.md): the clerk's queue of arrivals, newest first. */
@ApiTags('intake')
@ApiBearerAuth()
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly queries: IntakeQueryService,
    private readonly desk: IntakeDeskService,
  ) {}

  @Get()
  @Roles(Role.clerk)
  @Answers(200, IntakePageDto)
  async list(@CurrentActor() actor: Actor, @Query() query: ListIntakeDto): Promise<IntakePageDto> {
    return toIntakePageDto(await this.queries.list(actor, query));
  }

  @Get(':id')
  @Roles(Role.clerk)
  @Answers(200, IntakeItemDto, { errors: [404] })
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<IntakeItemDto> {
    return toIntakeItemDto(await this.queries.detail(actor, id));
  }

  /** Vào sổ with one call; a second call (or a concurrent one) answers the first registration. */
  @Post(':id/register')
  @Roles(Role.clerk)
  @Answers(200, IntakeRegistrationDto, { errors: [404, 409, 422] })
  async register(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RegisterIntakeDto): Promise<IntakeRegistrationDto> {
    const registered = await this.desk.register(actor, id, dto);
    return toIntakeRegistrationDto(await this.queries.detail(actor, registered.item.id), registered);
  }

  @Post(':id/return')
  @Roles(Role.clerk)
  @Answers(200, IntakeItemDto, { errors: [404, 409] })
  async returnToSender(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: IntakeReasonDto): Promise<IntakeItemDto> {
    const item = await this.desk.returnToSender(actor, id, dto.reason);
    return toIntakeItemDto(await this.queries.detail(actor, item.id));
  }

  /** Không phải văn bản: set the item aside. */
  @Post(':id/discard')
  @Roles(Role.clerk)
  @Answers(200, IntakeItemDto, { errors: [404, 409] })
  async discard(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: IntakeReasonDto): Promise<IntakeItemDto> {
    const item = await this.desk.discard(actor, id, dto.reason);
    return toIntakeItemDto(await this.queries.detail(actor, item.id));
  }
}
