import { ApiProperty } from '@nestjs/swagger';

export class LateExchangeRecipientDto {
  @ApiProperty() outgoingId!: string;
  @ApiProperty({ type: String, nullable: true }) numberSymbol!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() issuedAt!: Date;
  @ApiProperty({ description: 'the directory agency, as named on the recipient line' }) recipient!: string;
  @ApiProperty({ example: '000.00.42.K72' }) organId!: string;
  @ApiProperty({ description: 'pending, failed, not_sent or sent' }) delivery!: string;
  @ApiProperty({ type: Date, nullable: true }) deliveredAt!: Date | null;
  @ApiProperty({ enum: ['not_sent', 'not_acknowledged'] }) state!: string;
}

/** Decision 28/2018/QĐ-TTg: issued documents to outside agencies late now, and same-day delivery of the last days. */
export class ExchangeTimelinessDto {
  @ApiProperty() asOf!: Date;
  @ApiProperty({ description: 'EXCHANGE_ACK_REMINDER_HOURS: late after this many hours' }) reminderHours!: number;
  @ApiProperty({ description: 'issued documents whose agency recipient has no package delivered after reminderHours' }) notSent!: number;
  @ApiProperty({ description: 'delivered reminderHours ago or more with no status back (not even 01)' }) notAcknowledged!: number;
  @ApiProperty({ description: 'the window of the two counts below, in days' }) windowDays!: number;
  @ApiProperty({ description: 'agency recipients delivered the same working day (working calendar; issued after 17:00 or on a day off: the next working day; urgent: within the hour)' }) sentSameDay!: number;
  @ApiProperty({ description: 'agency recipients delivered later than that' }) sentLater!: number;
  @ApiProperty({ type: [LateExchangeRecipientDto], description: 'the late recipients, oldest issue first (at most 500)' }) late!: LateExchangeRecipientDto[];
}
