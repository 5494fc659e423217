import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles, UserLifecycleService, UserQueryService } from '@eoffice/accounts';
import { ChangeRolesDto, CreateUserDto, DeactivateUserDto, TransferUserDto, UserListQueryDto } from './dto/users.dto';
import { toHiredDto, toPasswordResetDto, toUserDetailDto, toUserDto } from './user.mapper';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly lifecycle: UserLifecycleService,
    private readonly queries: UserQueryService,
  ) {}

  @Roles(Role.admin)
  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto) {
    const { items, total } = await this.queries.list(actor, query);
    return { items: items.map(toUserDto), total, page: query.page, pageSize: query.pageSize };
  }

  /** An administrator, or the person themselves; with the unit-membership history. */
  @Get(':id')
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toUserDetailDto(await this.queries.get(actor, id));
  }

  /** Hire: the username follows the naming rule; the one-time password must be changed at first sign-in. */
  @Roles(Role.admin)
  @Post()
  async hire(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return toHiredDto(await this.lifecycle.hire(actor, dto));
  }

  @Roles(Role.admin)
  @Post(':id/transfer')
  @HttpCode(200)
  async transfer(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransferUserDto) {
    return toUserDto(await this.lifecycle.transfer(actor, id, dto.unitId, dto.position));
  }

  @Roles(Role.admin)
  @Put(':id/roles')
  async changeRoles(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRolesDto) {
    return toUserDto(await this.lifecycle.changeRoles(actor, id, dto.roles));
  }

  @Roles(Role.admin)
  @Post(':id/deactivate')
  @HttpCode(200)
  async deactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DeactivateUserDto) {
    return toUserDto(await this.lifecycle.deactivate(actor, id, dto.reason));
  }

  @Roles(Role.admin)
  @Post(':id/reactivate')
  @HttpCode(200)
  async reactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toPasswordResetDto(await this.lifecycle.reactivate(actor, id));
  }

  @Roles(Role.admin)
  @Post(':id/reset-password')
  @HttpCode(200)
  async resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toPasswordResetDto(await this.lifecycle.resetPassword(actor, id));
  }
}
