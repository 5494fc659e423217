import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, DelegationService, SignedIn } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';

import { toDelegationDto, toDelegationPageDto } from './delegation.mapper';
import { DelegationDto, DelegationPageDto } from './dto/unit-responses.dto';
import { CreateDelegationDto } from './dto/delegations.dto';
import { PageQueryDto } from './dto/pagination.dto';

/** The unit's head (or an administrator) lets named members handle the unit's inbox for a period. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('units/:unitId/delegations')
export class UnitDelegationsController {
  constructor(private readonly delegations: DelegationService) {}

  @Post()
  @SignedIn()
  @Answers(201, DelegationDto, { errors: [404, 409, 422] })
  async grant(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() dto: CreateDelegationDto) {
    return toDelegationDto(await this.delegations.grant(actor, unitId, dto));
  }

  @Get()
  @SignedIn()
  @Answers(200, DelegationPageDto, { errors: [404] })
  async list(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: PageQueryDto): Promise<DelegationPageDto> {
    return toDelegationPageDto(await this.delegations.list(actor, unitId, query.page, query.pageSize), query);
  }

  @Post(':delegationId/revoke')
  @SignedIn()
  @Answers(200, DelegationDto, { errors: [404, 409] })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('delegationId', ParseUUIDPipe) delegationId: string,
  ) {
    return toDelegationDto(await this.delegations.revoke(actor, unitId, delegationId));
  }
}
