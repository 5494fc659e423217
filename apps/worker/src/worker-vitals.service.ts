import { createServer, Server } from 'node:http';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, MetricsService, WorkerHeartbeat } from '@eoffice/core';

/**
 * The worker's signs of life: a heartbeat in Redis every WORKER_HEARTBEAT_SECONDS (read by
 * GET /admin/schedules), and, when WORKER_METRICS_PORT is set, a Prometheus endpoint with the job
 * durations and failures this process saw.
 */
@Injectable()
export class WorkerVitals implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerVitals.name);
  private timer?: NodeJS.Timeout;
  private server?: Server;

  constructor(
    private readonly heartbeat: WorkerHeartbeat,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const beat = () => this.heartbeat.beat().catch((error: unknown) => this.logger.warn({ error: String(error) }, 'heartbeat not written'));
    void beat();
    this.timer = setInterval(beat, this.config.WORKER_HEARTBEAT_SECONDS * 1000);
    if (this.config.WORKER_METRICS_PORT) this.serveMetrics(this.config.WORKER_METRICS_PORT);
  }

  private serveMetrics(port: number): void {
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    // A port taken (another process, a worker not yet gone) costs the metrics, never the jobs: an
    // unhandled 'error' here would end the worker at start and leave every queued job waiting.
    this.server.on('error', (error) => this.logger.error({ error: String(error) }, `worker metrics not served on port ${port}`));
    this.server.listen(port, () => this.logger.log(`Worker metrics on port ${port}`));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
