import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles, SignedIn, UnitService } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';

import { CreateUnitDto, SetHeadDto, UpdateUnitDto } from './dto/units.dto';
import { UnitDto, UnitPageDto } from './dto/unit-responses.dto';
import { toUnitDto, toUnitTreeDto } from './unit.mapper';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitService) {}

  /** The whole organisation, flat in tree order (parent before children), with parentId and depth. */
  @Get()
  @SignedIn()
  @Answers(200, UnitPageDto)
  async list(): Promise<UnitPageDto> {
    return toUnitTreeDto(await this.units.list());
  }

  @Roles(Role.admin)
  @Post()
  @Answers(201, UnitDto, { errors: [404, 409] })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto): Promise<UnitDto> {
    return toUnitDto(await this.units.create(actor, dto));
  }

  @Roles(Role.admin)
  @Patch(':id')
  @Answers(200, UnitDto, { errors: [404, 409] })
  async rename(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUnitDto) {
    return toUnitDto(await this.units.rename(actor, id, dto));
  }

  /** The new head takes over the unit's inbox with its whole history. */
  @Roles(Role.admin)
  @Put(':id/head')
  @Answers(200, UnitDto, { errors: [404, 409] })
  async setHead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetHeadDto) {
    return toUnitDto(await this.units.changeHead(actor, id, dto.userId));
  }
}
