import { ApiProperty } from '@nestjs/swagger';
import { ALL_ROLES } from '@eoffice/accounts';

export class UnitRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

/** A person's account as administrators see it. */
export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit!: UnitRefDto | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({ type: Date, nullable: true }) lockedUntil!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) lastLoginAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) deactivatedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) deactivationReason!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** One period of a person in a unit (transfers end one and open another). */
export class MembershipDto {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty() startedAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) endedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) endReason!: string | null;
}

export class UserDetailDto extends UserDto {
  @ApiProperty({ type: [MembershipDto] }) memberships!: MembershipDto[];
}

export class HiredDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'one-time password, shown this once; changed at the first sign-in' }) initialPassword!: string;
}

export class PasswordResetDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ description: 'one-time password, shown this once' }) initialPassword!: string;
  @ApiProperty({ enum: [true] }) mustChangePassword!: boolean;
}

export class ProfileUnitDto extends UnitRefDto {
  @ApiProperty({ enum: ['agency', 'department'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

/** GET /me: the person, plus the inboxes they handle and the units they manage. */
export class ProfileDto extends UserDto {
  @ApiProperty({ type: ProfileUnitDto }) declare unit: ProfileUnitDto;
  @ApiProperty({ type: [String] }) handledUnitIds!: string[];
  @ApiProperty({ type: [String] }) managedUnitIds!: string[];
}

export class DirectoryUnitDto extends UnitRefDto {
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

/** Danh bạ: what any signed-in person may read of another. */
export class DirectoryEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() username!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty({ type: DirectoryUnitDto }) unit!: DirectoryUnitDto;
}

export class DirectoryPageDto {
  @ApiProperty({ type: [DirectoryEntryDto] }) items!: DirectoryEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
