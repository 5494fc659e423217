import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles, UnitService } from '@eoffice/accounts';
import { CreateUnitDto, SetHeadDto, UpdateUnitDto } from './dto/units.dto';
import { toUnitDto } from './unit.mapper';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitService) {}

  /** The whole organisation, flat in tree order (parent before children), with parentId and depth. */
  @Get()
  async list() {
    const items = (await this.units.list()).map(toUnitDto);
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  @Roles(Role.admin)
  @Post()
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto) {
    return toUnitDto(await this.units.create(actor, dto));
  }

  @Roles(Role.admin)
  @Patch(':id')
  async rename(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUnitDto) {
    return toUnitDto(await this.units.rename(actor, id, dto));
  }

  /** The new head takes over the unit's inbox with its whole history. */
  @Roles(Role.admin)
  @Put(':id/head')
  async setHead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetHeadDto) {
    return toUnitDto(await this.units.changeHead(actor, id, dto.userId));
  }
}
