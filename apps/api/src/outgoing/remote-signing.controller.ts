import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Public, Role, Roles } from '@eoffice/accounts';
import { RemoteSigningAccount, RemoteSigningConfigService, RemoteSigningProvider, SignBatchPoller } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { RemoteSigningDto } from './dto/outgoing-responses.dto';
import { RemoteAccountDto, RemoteAccountInputDto, RemoteProviderDto, RemoteProviderInputDto } from './dto/remote-signing.dto';
import { toRemoteSigningDto } from './outgoing.mapper';

/** The transaction id a provider's callback names, in the field its protocol uses. */
const TRANSACTION_FIELDS = ['transaction_id', 'tranId', 'tran_id', 'responseID', 'transactionId'];

const toProviderDto = (p: RemoteSigningProvider): RemoteProviderDto => ({
  id: p.id, agencyId: p.agencyId, protocol: p.protocol, baseUrl: p.baseUrl, credentialsKey: p.credentialsKey,
  timeoutSeconds: p.timeoutSeconds, pollSeconds: p.pollSeconds, callbackPath: `/api/v1/remote-signing/callback/${p.id}`,
});
const toAccountDto = (a: RemoteSigningAccount): RemoteAccountDto => ({ userId: a.userId, credentialId: a.credentialId });

/** Ký số từ xa: the agency's provider and its signers' credential ids (administrators), and the provider's callback. */
@ApiTags('remote-signing')
@ApiBearerAuth()
@Controller('remote-signing')
export class RemoteSigningController {
  constructor(
    private readonly config: RemoteSigningConfigService,
    private readonly poller: SignBatchPoller,
  ) {}

  @Get('provider')
  @Roles(Role.admin)
  @Answers(200, RemoteProviderDto, { errors: [404] })
  async provider(@CurrentActor() actor: Actor) {
    return toProviderDto(await this.config.provider(actor));
  }

  @Put('provider')
  @Roles(Role.admin)
  @Answers(200, RemoteProviderDto, { errors: [404] })
  async setProvider(@CurrentActor() actor: Actor, @Body() dto: RemoteProviderInputDto) {
    return toProviderDto(await this.config.setProvider(actor, dto));
  }

  @Put('signers/:userId')
  @Roles(Role.admin)
  @Answers(200, RemoteAccountDto, { errors: [404] })
  async setAccount(@CurrentActor() actor: Actor, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: RemoteAccountInputDto) {
    return toAccountDto(await this.config.setAccount(actor, userId, dto.credentialId));
  }

  /**
   * The provider tells that a transaction moved. Nothing in the body is trusted but the transaction
   * id: the server asks the provider itself, so a forged or repeated callback changes nothing.
   */
  @Post('callback/:providerId')
  @Public()
  @ApiBody({ schema: { type: 'object', additionalProperties: true, description: 'the provider\'s notice; one of transaction_id, tranId, responseID, transactionId names the transaction' } })
  @Answers(200, RemoteSigningDto, { public: true, errors: [404, 502] })
  async callback(@Param('providerId', ParseUUIDPipe) providerId: string, @Body() body: Record<string, unknown>) {
    const field = TRANSACTION_FIELDS.find((f) => typeof body?.[f] === 'string' && (body[f] as string).length <= 200);
    return toRemoteSigningDto(await this.poller.callback(providerId, field ? (body[field] as string) : ''));
  }
}
