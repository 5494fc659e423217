import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Actor, CurrentActor, SignedIn } from '@eoffice/accounts';
import { NotificationInboxService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';

import { MAX_PAGE } from '../http/pagination';
import { NotificationPageDto } from './dto/notification.dto';
import { toNotificationPageDto } from './notification.mapper';

class ListNotificationsDto {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() unread?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

/**
 * Thông báo: what the worker has told me about incoming documents (assigned, due soon, overdue,
 * reopened), outgoing drafts (to review or sign, returned, to number) and certificates (expiring).
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @SignedIn()
  @Answers(200, NotificationPageDto)
  async list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsDto): Promise<NotificationPageDto> {
    return toNotificationPageDto(await this.inbox.list(actor, query.unread ?? false, query.page, query.pageSize));
  }

  @Post(':id/read')
  @SignedIn()
  @Answers(204, null, { errors: [404] })
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.inbox.markRead(actor, id);
  }
}
