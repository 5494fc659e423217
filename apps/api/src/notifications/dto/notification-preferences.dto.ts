import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS } from '@eoffice/documents';

const DELIVERY_DESCRIPTION = 'immediate: an e-mail at once; digest: in the daily digest e-mail; in_app: only in the app';

export class NotificationPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: string;
  @ApiProperty({ description: 'the kind in Vietnamese' }) label!: string;
  @ApiProperty({ enum: NOTIFICATION_DELIVERIES, description: DELIVERY_DESCRIPTION }) delivery!: string;
  @ApiProperty({ description: 'false while the default (immediate) applies' }) chosen!: boolean;
}

/** Cách nhận thông báo: one line per kind of notice. */
export class NotificationPreferencesDto {
  @ApiProperty({ type: [NotificationPreferenceDto] }) items!: NotificationPreferenceDto[];
  @ApiProperty({ description: 'urgent documents (khẩn, thượng khẩn, hỏa tốc) are e-mailed at once whatever is chosen' })
  urgentAlwaysImmediate!: boolean;
}

export class NotificationChoiceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) @IsString() @MaxLength(40) kind!: string;
  @ApiProperty({ enum: NOTIFICATION_DELIVERIES, description: DELIVERY_DESCRIPTION }) @IsIn(NOTIFICATION_DELIVERIES) delivery!: 'immediate' | 'digest' | 'in_app';
}

export class SaveNotificationPreferencesDto {
  @ApiProperty({ type: [NotificationChoiceDto], description: 'the kinds to change; kinds not named keep their delivery' })
  @ValidateNested({ each: true })
  @Type(() => NotificationChoiceDto)
  @ArrayMaxSize(100)
  items!: NotificationChoiceDto[];
}
