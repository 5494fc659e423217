import { Global, Module } from '@nestjs/common';
import { RateLimitStore } from './rate-limit-store.service';

@Global()
@Module({ providers: [RateLimitStore], exports: [RateLimitStore] })
export class RateLimitsModule {}
