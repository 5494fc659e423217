import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** ?page=&pageSize= of an access history. */
export class ViewsQueryDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

/** One reading of a document or one of its files (lịch sử truy cập). */
export class DocumentViewDto {
  @ApiProperty() viewerId!: string;
  @ApiProperty() viewerName!: string;
  @ApiProperty({ enum: ['detail', 'file', 'export'] }) action!: string;
  @ApiProperty({ type: String, nullable: true }) fileId!: string | null;
  @ApiProperty() viewedAt!: Date;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
}

export class DocumentViewPageDto {
  @ApiProperty({ type: [DocumentViewDto] }) items!: DocumentViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
