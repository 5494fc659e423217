import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { IntakeMailboxService } from '@eoffice/documents';
import type { IntakeMailboxSettings } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { IntakeMailboxDto, IntakeMailboxInputDto } from './dto/intake-mailbox.dto';

const toDto = (s: IntakeMailboxSettings): IntakeMailboxDto => ({ ...s, port: Number(s.port) });

/** Hộp thư tiếp nhận: the mailbox read into one agency's intake (docs/intake.md); administrators only. */
@ApiTags('intake')
@ApiBearerAuth()
@Controller('units/:unitId/intake-mailbox')
@Roles(Role.admin)
export class IntakeMailboxController {
  constructor(private readonly mailboxes: IntakeMailboxService) {}

  @Get()
  @Answers(200, IntakeMailboxDto, { errors: [404] })
  async get(@Param('unitId', ParseUUIDPipe) unitId: string): Promise<IntakeMailboxDto> {
    return toDto(await this.mailboxes.get(unitId));
  }

  /** Sets (or replaces) the agency's mailbox once a connection, login and the folder's opening succeeded; the worker reads it from its next poll. */
  @Put()
  @Answers(200, IntakeMailboxDto, { errors: [404, 409, 422] })
  async set(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() dto: IntakeMailboxInputDto): Promise<IntakeMailboxDto> {
    return toDto(await this.mailboxes.set(actor, unitId, dto));
  }

  /** Stops reading the agency's mailbox (its read position is kept, should it come back). */
  @Delete()
  @Answers(204, null, { errors: [404] })
  clear(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string): Promise<void> {
    return this.mailboxes.clear(actor, unitId);
  }
}
