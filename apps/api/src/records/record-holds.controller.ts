import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, SignedIn } from '@eoffice/accounts';
import { RecordHold, RecordHoldService } from '@eoffice/records';
import { Answers } from '../http/api-answers.decorator';
import { HoldReasonDto, RecordHoldDto } from './dto/record-holds.dto';

const toHoldDto = (h: RecordHold): RecordHoldDto => ({
  id: h.id, recordId: h.recordId, reason: h.reason, placedBy: h.placedBy, placedAt: h.placedAt,
  liftedBy: h.liftedBy, liftedAt: h.liftedAt, liftReason: h.liftReason, active: h.liftedAt === null,
});

/** Phong tỏa hồ sơ: legal holds placed and lifted with a reason by agency leaders or leadership (docs/records.md). */
@ApiTags('records')
@ApiBearerAuth()
@Controller('records/:id/holds')
export class RecordHoldsController {
  constructor(private readonly holds: RecordHoldService) {}

  @Get()
  @SignedIn()
  @Answers(200, [RecordHoldDto], { errors: [404] })
  async list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RecordHoldDto[]> {
    return (await this.holds.list(actor, id)).map(toHoldDto);
  }

  @Post()
  @SignedIn()
  @Answers(201, RecordHoldDto, { errors: [404] })
  async place(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: HoldReasonDto): Promise<RecordHoldDto> {
    return toHoldDto(await this.holds.place(actor, id, dto.reason));
  }

  @Post(':holdId/lift')
  @SignedIn()
  @Answers(200, RecordHoldDto, { errors: [404, 409] })
  async lift(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('holdId', ParseUUIDPipe) holdId: string,
    @Body() dto: HoldReasonDto,
  ): Promise<RecordHoldDto> {
    return toHoldDto(await this.holds.lift(actor, id, holdId, dto.reason));
  }
}
