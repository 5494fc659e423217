import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, AllowPendingPasswordChange, CurrentActor, ProfileService } from '@eoffice/accounts';
import { toProfileDto } from './profile.mapper';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly profiles: ProfileService) {}

  @AllowPendingPasswordChange()
  @Get()
  async me(@CurrentActor() actor: Actor) {
    return toProfileDto(await this.profiles.me(actor));
  }
}
