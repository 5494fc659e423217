import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_ROLES } from '@eoffice/accounts';

export class UnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['agency', 'department'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the agency (cơ quan) it belongs to; its own id for an agency' }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'địa danh of an agency' }) placeName!: string | null;
  @ApiProperty({ type: String, nullable: true }) headUserId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'OrganId for document exchange (agencies)' }) organId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'agency code of the 2020 coding rules (agencies)' }) agencyCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the collective body leading an agency (tập thể lãnh đạo), printed after TM. when its documents are signed on its behalf' })
  collectiveBody!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'in the tree (GET /units) only' }) headFullName?: string | null;
  @ApiPropertyOptional({ description: 'in the tree (GET /units) only: 0 for a root' }) depth?: number;
}

export class UnitPageDto {
  @ApiProperty({ type: [UnitDto] }) items!: UnitDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** Ủy quyền: someone acting for the unit head for some days (its inbox, or signing for an agency's head). */
export class DelegationDto {
  @ApiProperty() id!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['inbox', 'signing', 'acting'], description: 'inbox handling, signing by authorisation (TUQ.), or an acting appointment (Q.)' }) purpose!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) grantedBy!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) revokedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) revokedBy!: string | null;
}

export class DelegationPageDto {
  @ApiProperty({ type: [DelegationDto] }) items!: DelegationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ImportedUnitDto {
  @ApiProperty({ description: 'line of the CSV' }) line!: number;
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['agency', 'department'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

export class ImportedPersonDto {
  @ApiProperty({ description: 'line of the CSV' }) line!: number;
  @ApiProperty() id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() username!: string;
  @ApiProperty() email!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty({ description: 'made head of the unit' }) head!: boolean;
  @ApiProperty({ description: 'one-time password, shown this once' }) initialPassword!: string;
}

export class ImportResultDto {
  @ApiProperty() importId!: string;
  @ApiProperty({ type: [ImportedUnitDto] }) units!: ImportedUnitDto[];
  @ApiProperty({ type: [ImportedPersonDto] }) people!: ImportedPersonDto[];
}

export class UnusedUnitEntryDto {
  @ApiProperty() unitId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'last sign-in of any current member; null: never' }) lastUsedAt!: string | null;
  @ApiProperty() memberCount!: number;
}

export class UnusedAccountEntryDto {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) lastLoginAt!: string | null;
}

/** A report as listed: its counts, without the (possibly long) lists. */
export class UnusedAccountReportSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger!: string;
  @ApiProperty({ type: String, nullable: true }) requestedBy!: string | null;
  @ApiProperty() months!: number;
  @ApiProperty({ type: Date, nullable: true }) cutoff!: Date | null;
  @ApiProperty() unitCount!: number;
  @ApiProperty() accountCount!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
}

/** Units and accounts nobody used for `months` months. */
export class UnusedAccountReportDto extends UnusedAccountReportSummaryDto {
  @ApiProperty({ type: [UnusedUnitEntryDto] }) units!: UnusedUnitEntryDto[];
  @ApiProperty({ type: [UnusedAccountEntryDto] }) accounts!: UnusedAccountEntryDto[];
}

export class UnusedAccountReportPageDto {
  @ApiProperty({ type: [UnusedAccountReportSummaryDto] }) items!: UnusedAccountReportSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
