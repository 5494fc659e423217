import { ApiProperty } from '@nestjs/swagger';

/** A file in the content-addressed store (its bytes: GET /files/:id). */
export class StoredFileDto {
  @ApiProperty() id!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() mimeType!: string;
  @ApiProperty({ type: String, nullable: true }) originalName!: string | null;
  @ApiProperty() createdAt!: Date;
}
