import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, AllowPendingPasswordChange, CurrentActor, ProfileService, SignedIn } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';

import { ProfileDto } from './dto/user-responses.dto';
import { toProfileDto } from './profile.mapper';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly profiles: ProfileService) {}

  @AllowPendingPasswordChange()
  @Get()
  @SignedIn()
  @Answers(200, ProfileDto)
  async me(@CurrentActor() actor: Actor): Promise<ProfileDto> {
    return toProfileDto(await this.profiles.me(actor));
  }
}
