import { ApiProperty } from '@nestjs/swagger';

export class CheckpointComparisonDto {
  @ApiProperty({ example: 'checkpoints/000000001234.json' }) name!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'sealed entries the checkpoint vouches for' }) count!: number | null;
  @ApiProperty({ type: String, nullable: true }) headHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: no AUDIT_CHECKPOINT_KEY to check it with' }) signatureValid!: boolean | null;
  @ApiProperty({ description: "the chain's entry at the checkpoint's place has the signed hash" }) matchesChain!: boolean;
}

export class AuditVerificationDto {
  @ApiProperty({ description: 'the chain is unbroken and agrees with the latest checkpoint' }) intact!: boolean;
  @ApiProperty() eventsChecked!: number;
  @ApiProperty({ type: String, nullable: true }) firstBrokenId!: string | null;
  @ApiProperty({ description: 'entries committed after this verification sealed the chain' }) unsealed!: number;
  @ApiProperty({ type: CheckpointComparisonDto, nullable: true }) checkpoint!: CheckpointComparisonDto | null;
  @ApiProperty({ description: 'the chain is shorter than the latest checkpoint counted: its end was removed' })
  truncatedAfterCheckpoint!: boolean;
}

export class AuditCheckpointDto {
  @ApiProperty({ example: 'checkpoints/000000001234.json' }) name!: string;
  @ApiProperty({ description: 'false: a checkpoint of this chain length existed and was kept' }) created!: boolean;
  @ApiProperty({ example: 'eoffice-audit-checkpoint/1' }) format!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: String, nullable: true }) headHash!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'first 16 hex digits of the SHA-256 of the public key (SPKI DER)' }) keyId!: string;
  @ApiProperty({ example: 'Ed25519' }) algorithm!: string;
  @ApiProperty({ description: 'base64 Ed25519 signature over the canonical JSON of format, count, headHash, createdAt, keyId' })
  signature!: string;
}

export class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'place in the chain; null until sealed (within about a second)' })
  chainSeq!: string | null;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: Object, nullable: true, description: 'null when redacted' }) data!: Record<string, unknown> | null;
  @ApiProperty({ description: "a confidential (mật) document's entry read by someone it does not name: who did what when, not what was written" })
  redacted!: boolean;
  @ApiProperty({ type: String, nullable: true }) prevHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) hash!: string | null;
}
