import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, SignedIn } from '@eoffice/accounts';
import { NotificationPreferencesService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { NotificationPreferencesDto, SaveNotificationPreferencesDto } from './dto/notification-preferences.dto';
import { toNotificationPreferencesDto } from './notification.mapper';

/** Cách nhận thông báo: how I hear of each kind of notice — e-mail at once, the daily digest, or in the app only. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @SignedIn()
  @Answers(200, NotificationPreferencesDto)
  async list(@CurrentActor() actor: Actor): Promise<NotificationPreferencesDto> {
    return toNotificationPreferencesDto(await this.preferences.list(actor));
  }

  @Put()
  @SignedIn()
  @Answers(200, NotificationPreferencesDto)
  async save(@CurrentActor() actor: Actor, @Body() body: SaveNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return toNotificationPreferencesDto(await this.preferences.save(actor, body.items));
  }
}
