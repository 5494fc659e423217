import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { IntakeMailboxInput } from '@eoffice/documents';

/** PUT /units/:unitId/intake-mailbox: the agency's own IMAP mailbox; the password only by the name of its variable. */
export class IntakeMailboxInputDto implements IntakeMailboxInput {
  @ApiProperty({ example: 'mail.sotuphap.tayninh.gov.vn' })
  @IsString() @Length(1, 255) @Matches(/^[A-Za-z0-9.-]+$/, { message: 'host must be a host name or an IPv4 address' }) host!: string;
  @ApiPropertyOptional({ description: 'default 993 with TLS, 143 without' }) @IsOptional() @IsInt() @Min(1) @Max(65535) port?: number;
  @ApiProperty({ description: 'IMAP over TLS (imaps)' }) @IsBoolean() tls!: boolean;
  @ApiProperty({ example: 'vanthu@sotuphap.tayninh.gov.vn' }) @IsString() @Length(1, 320) username!: string;
  @ApiPropertyOptional({ example: 'INBOX', description: 'the folder read; default INBOX' }) @IsOptional() @IsString() @Length(1, 300) mailbox?: string;
  @ApiProperty({
    example: 'INTAKE_IMAP_PASSWORD_STP',
    description: "the NAME of the worker's environment variable holding the password (INTAKE_IMAP_PASSWORD_<NAME>); the password itself is never sent or stored",
  })
  @IsString() @Length(1, 100) passwordEnv!: string;
}

export class IntakeMailboxDto {
  @ApiProperty() agencyId!: string;
  @ApiProperty() host!: string;
  @ApiProperty() port!: number;
  @ApiProperty() tls!: boolean;
  @ApiProperty() username!: string;
  @ApiProperty() mailbox!: string;
  @ApiProperty({ description: 'the environment variable the worker reads the password from' }) passwordEnv!: string;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ type: Date, nullable: true, description: "the worker's last poll of these settings; null until the first one after they were set" })
  lastPolledAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'why that poll failed (server down, login refused, password variable not set in the worker…); null when it read the mailbox' })
  lastPollError!: string | null;
}
