import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@eoffice/accounts';
import { MetricsService } from '@eoffice/core';
import { Answers } from '../http/api-answers.decorator';


/** Prometheus scrape target. Keep it off the public network (docs/running.md). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Answers(200, { binary: ["text/plain"] }, { public: true })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
