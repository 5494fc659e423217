import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class HoldReasonDto {
  @ApiProperty({ example: 'Thanh tra Sở yêu cầu giữ nguyên hồ sơ (Quyết định số 12/QĐ-TTr)', description: 'at least 5 characters' })
  @IsString() @Length(1, 2000) reason!: string;
}

/** Phong tỏa: a legal hold on a record, active while `liftedAt` is null. */
export class RecordHoldDto {
  @ApiProperty() id!: string;
  @ApiProperty() recordId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() placedBy!: string;
  @ApiProperty() placedAt!: Date;
  @ApiProperty({ type: String, nullable: true }) liftedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) liftedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) liftReason!: string | null;
  @ApiProperty({ description: 'not lifted yet' }) active!: boolean;
}
