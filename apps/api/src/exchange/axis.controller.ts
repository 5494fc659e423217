import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { AxisDirectorySyncService, AxisReconcileService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { AgencySyncResultDto, AxisDiscrepancyDto, AxisReconciliationDto } from './dto/axis.dto';

const DISCREPANCIES_SHOWN = 200;

/**
 * The national document axis for administrators (docs/exchange.md): what the reconciliation found,
 * and the reconciliation and the directory synchronisation now rather than at their schedule.
 */
@ApiTags('exchange')
@ApiBearerAuth()
@Roles(Role.admin)
@Controller('exchange/axis')
export class AxisController {
  constructor(
    private readonly reconciliation: AxisReconcileService,
    private readonly directory: AxisDirectorySyncService,
  ) {}

  /** The latest findings of the reconciliation, newest first. */
  @Get('discrepancies')
  @Answers(200, [AxisDiscrepancyDto])
  discrepancies(): Promise<AxisDiscrepancyDto[]> {
    return this.reconciliation.discrepancies(DISCREPANCIES_SHOWN);
  }

  @Post('reconcile')
  @Answers(200, AxisReconciliationDto, { errors: [409, 502] })
  reconcile(@CurrentActor() actor: Actor): Promise<AxisReconciliationDto> {
    return this.reconciliation.runNow(actor.id);
  }

  @Post('directory-sync')
  @Answers(200, AgencySyncResultDto, { errors: [409, 502] })
  synchroniseDirectory(@CurrentActor() actor: Actor): Promise<AgencySyncResultDto> {
    return this.directory.runNow(actor.id);
  }
}
