import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, MfaService, Role, Roles, SignedIn, UserLifecycleService, UserQueryService } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';

import { ChangeRolesDto, CreateUserDto, DeactivateUserDto, TransferUserDto, UserListQueryDto } from './dto/users.dto';
import { HiredDto, PasswordResetDto, UserDetailDto, UserDto, UserPageDto } from './dto/user-responses.dto';
import { toHiredDto, toPasswordResetDto, toUserDetailDto, toUserDto, toUserPageDto } from './user.mapper';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly lifecycle: UserLifecycleService,
    private readonly queries: UserQueryService,
    private readonly mfa: MfaService,
  ) {}

  @Roles(Role.admin)
  @Get()
  @Answers(200, UserPageDto)
  async list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto): Promise<UserPageDto> {
    return toUserPageDto(await this.queries.list(actor, query), query);
  }

  /** An administrator, or the person themselves; with the unit-membership history. */
  @Get(':id')
  @SignedIn()
  @Answers(200, UserDetailDto, { errors: [404] })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toUserDetailDto(await this.queries.get(actor, id));
  }

  /** Hire: the username follows the naming rule; the one-time password must be changed at first sign-in. */
  @Roles(Role.admin)
  @Post()
  @Answers(201, HiredDto, { errors: [404, 409] })
  async hire(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return toHiredDto(await this.lifecycle.hire(actor, dto));
  }

  @Roles(Role.admin)
  @Post(':id/transfer')
  @Answers(200, UserDto, { errors: [404, 409] })
  async transfer(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransferUserDto) {
    return toUserDto(await this.lifecycle.transfer(actor, id, dto.unitId, dto.position));
  }

  @Roles(Role.admin)
  @Put(':id/roles')
  @Answers(200, UserDto, { errors: [404, 409] })
  async changeRoles(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRolesDto) {
    return toUserDto(await this.lifecycle.changeRoles(actor, id, dto.roles));
  }

  @Roles(Role.admin)
  @Post(':id/deactivate')
  @Answers(200, UserDto, { errors: [404, 409] })
  async deactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DeactivateUserDto) {
    return toUserDto(await this.lifecycle.deactivate(actor, id, dto.reason));
  }

  @Roles(Role.admin)
  @Post(':id/reactivate')
  @Answers(200, PasswordResetDto, { errors: [404, 409] })
  async reactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toPasswordResetDto(await this.lifecycle.reactivate(actor, id));
  }

  @Roles(Role.admin)
  @Post(':id/reset-password')
  @Answers(200, PasswordResetDto, { errors: [404, 409] })
  async resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toPasswordResetDto(await this.lifecycle.resetPassword(actor, id));
  }

  /** A lost phone: removes the person's second factor and ends their sessions; they enrol again at the next sign-in. */
  @Roles(Role.admin)
  @Post(':id/mfa/reset')
  @Answers(204, null, { errors: [404, 409] })
  resetMfa(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.mfa.reset(actor, id);
  }
}
