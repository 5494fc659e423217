import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, SignedIn } from '@eoffice/accounts';
import { IncomingQueryService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { IncomingPageDto } from './dto/incoming-responses.dto';
import { ListIncomingDto } from './dto/list-incoming.dto';
import { toIncomingPageDto } from './incoming.mapper';

/** What waits for me: to submit (clerk), to assign (leader), to handle (assignees and unit handlers). */
@ApiTags('incoming')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly queries: IncomingQueryService) {}

  @Get()
  @SignedIn()
  @Answers(200, IncomingPageDto)
  async inbox(@CurrentActor() actor: Actor, @Query() query: ListIncomingDto): Promise<IncomingPageDto> {
    return toIncomingPageDto(await this.queries.inbox(actor, query));
  }
}
