import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field that failed validation (VALIDATION_FAILED). */
export class FieldErrorDto {
  @ApiProperty({ example: 'leaderId' }) field!: string;
  @ApiProperty({ example: 'leaderId must be a UUID' }) message!: string;
}

/**
 * Every error answer: an RFC 9457 problem detail, `application/problem+json`, written by the
 * problem-details filter (libs/core/src/errors). Clients branch on `code` (docs/error-codes.md).
 */
export class ProblemDto {
  @ApiProperty({ example: '/docs#error-not-found', description: "the code's section of the error list" }) type!: string;
  @ApiProperty({ example: 'Not Found' }) title!: string;
  @ApiProperty({ example: 404 }) status!: number;
  @ApiProperty({ example: 'NOT_FOUND', description: 'stable, machine-readable (docs/error-codes.md)' }) code!: string;
  @ApiProperty({ example: 'Không tìm thấy (not found)', description: 'for people: Vietnamese, English in parentheses' }) detail!: string;
  @ApiPropertyOptional({ example: '/api/v1/incoming/0b0e…', description: 'the path asked for' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'VALIDATION_FAILED: each field and what is wrong' }) errors?: FieldErrorDto[];
}
