import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { AxisAccountService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { AxisAccountDto, AxisAccountInputDto } from './dto/axis-account.dto';

/** Tài khoản trục: an agency's own system at the national axis (docs/exchange.md); administrators only. */
@ApiTags('exchange')
@ApiBearerAuth()
@Controller('units/:unitId/axis-account')
@Roles(Role.admin)
export class AxisAccountController {
  constructor(private readonly accounts: AxisAccountService) {}

  @Get()
  @Answers(200, AxisAccountDto, { errors: [404] })
  get(@Param('unitId', ParseUUIDPipe) unitId: string): Promise<AxisAccountDto> {
    return this.accounts.get(unitId);
  }

  /** Sets (or replaces) the agency's account; the next send and the next poll use it. */
  @Put()
  @Answers(200, AxisAccountDto, { errors: [404, 409] })
  set(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() dto: AxisAccountInputDto): Promise<AxisAccountDto> {
    return this.accounts.set(actor, unitId, dto);
  }

  /** The agency goes back to the installation's account (EXCHANGE_AXIS_*). */
  @Delete()
  @Answers(204, null, { errors: [404] })
  clear(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string): Promise<void> {
    return this.accounts.clear(actor, unitId);
  }
}
