import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, DelegationService } from '@eoffice/accounts';
import { toDelegationDto } from './delegation.mapper';
import { CreateDelegationDto } from './dto/delegations.dto';
import { PageQueryDto } from './dto/pagination.dto';

/** The unit's head (or an administrator) lets named members handle the unit's inbox for a period. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('units/:unitId/delegations')
export class UnitDelegationsController {
  constructor(private readonly delegations: DelegationService) {}

  @Post()
  async grant(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() dto: CreateDelegationDto) {
    return toDelegationDto(await this.delegations.grant(actor, unitId, dto));
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: PageQueryDto) {
    const { items, total } = await this.delegations.list(actor, unitId, query.page, query.pageSize);
    return { items: items.map(toDelegationDto), total, page: query.page, pageSize: query.pageSize };
  }

  @Post(':delegationId/revoke')
  @HttpCode(200)
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('delegationId', ParseUUIDPipe) delegationId: string,
  ) {
    return toDelegationDto(await this.delegations.revoke(actor, unitId, delegationId));
  }
}
