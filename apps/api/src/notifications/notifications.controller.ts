import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Actor, CurrentActor } from '@eoffice/accounts';
import { Notification, NotificationInboxService } from '@eoffice/documents';

class ListNotificationsDto {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() unread?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

const toDto = (n: Notification) => ({
  id: n.id,
  kind: n.kind,
  documentId: n.documentId,
  outgoingDocumentId: n.outgoingDocumentId,
  certificateId: n.certificateId,
  title: n.title,
  createdAt: n.createdAt,
  readAt: n.readAt,
});

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
  async list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsDto) {
    const page = await this.inbox.list(actor, query.unread ?? false, query.page, query.pageSize);
    return { ...page, items: page.items.map(toDto) };
  }

  @Post(':id/read')
  @HttpCode(204)
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.inbox.markRead(actor, id);
  }
}
