import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';
import { LivenessDto, ReadinessDto } from './dto/health.dto';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** Liveness: the process answers. Never touches a dependency, so a slow database does not get it killed. */
  @Public()
  @Get('health')
  @Answers(200, LivenessDto, { public: true })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis both answer; 503 otherwise, so a load balancer stops sending traffic. */
  @Public()
  @Get('ready')
  @HealthCheck()
  @Answers(200, ReadinessDto, { public: true })
  @ApiResponse({ status: 503, type: ReadinessDto, description: 'PostgreSQL or Redis does not answer' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessDto> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('postgres', { timeout: 1500 }),
        () => this.redis.pingCheck('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503);
      return error.getResponse() as ReadinessDto;
    }
  }
}
