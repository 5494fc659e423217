import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: string;
}

/** Readiness as the health checker writes it (200 and 503 alike): each dependency up or down. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'the dependencies that answered' }) info?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'the dependencies that did not' }) error?: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}
