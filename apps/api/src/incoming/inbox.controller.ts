import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@eoffice/accounts';
import { IncomingQueryService } from '@eoffice/documents';
import { ListIncomingDto } from './dto/list-incoming.dto';
import { toListItemDto } from './incoming.mapper';

/** What waits for me: to submit (clerk), to assign (leader), to handle (assignees and unit handlers). */
@ApiTags('incoming')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly queries: IncomingQueryService) {}

  @Get()
  async inbox(@CurrentActor() actor: Actor, @Query() query: ListIncomingDto) {
    const page = await this.queries.inbox(actor, query);
    return { ...page, items: page.items.map(toListItemDto) };
  }
}
