import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { SignBatchService, SignBatchView } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { SignBatchDto, SignBatchInputDto } from './dto/sign-batch.dto';

const toSignBatchDto = (v: SignBatchView): SignBatchDto => ({
  id: v.id, method: v.method, status: v.status, transactionId: v.transactionId, remoteStatus: v.remoteStatus, expiresAt: v.expiresAt,
  createdAt: v.createdAt, counts: { ...v.counts }, items: v.items.map((i) => ({ ...i })),
});

/**
 * Ký hàng loạt: a leader signs several approved drafts with one action. Each draft gets its own
 * revision, timeline event, audit entry and notification; one that cannot be signed is reported
 * with its own code and the others are signed (docs/outgoing.md).
 */
@ApiTags('outgoing')
@ApiBearerAuth()
@Controller('outgoing')
export class SignBatchesController {
  constructor(private readonly batches: SignBatchService) {}

  /** Stored key: every draft signed within the request. Remote: the drafts wait for the confirmation; GET the batch to follow it. */
  @Post('sign-batch')
  @Roles(Role.leader)
  @Answers(200, SignBatchDto, { errors: [404, 409, 422, 502] })
  async sign(@CurrentActor() actor: Actor, @Body() dto: SignBatchInputDto) {
    const signatureImage = dto.signatureImage ? Buffer.from(dto.signatureImage, 'base64') : undefined;
    return toSignBatchDto(await this.batches.sign(actor, { ids: dto.ids, method: dto.method, certificateId: dto.certificateId, signatureImage, authority: dto.authority }));
  }

  @Get('sign-batches/:id')
  @Roles(Role.leader)
  @Answers(200, SignBatchDto, { errors: [404] })
  async batch(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toSignBatchDto(await this.batches.view(actor, id));
  }
}
