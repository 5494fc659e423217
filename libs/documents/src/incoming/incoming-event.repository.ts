import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { IncomingEvent } from './entities/incoming-event.entity';

@Injectable()
export class IncomingEventRepository {
  constructor(@InjectRepository(IncomingEvent) private readonly repo: Repository<IncomingEvent>) {}

  async append(manager: EntityManager, event: Omit<IncomingEvent, 'id' | 'occurredAt'>): Promise<IncomingEvent> {
    const repo = manager.getRepository(IncomingEvent);
    return repo.save(repo.create({ ...event, occurredAt: new Date() }));
  }

  findById(id: string): Promise<IncomingEvent | null> {
    return this.repo.findOneBy({ id });
  }

  /** The latest event of one action (e.g. the reason of the last `return`). */
  latest(documentId: string, action: string): Promise<IncomingEvent | null> {
    return this.repo.findOne({ where: { documentId, action }, order: { id: 'DESC' } });
  }

  timeline(documentId: string): Promise<IncomingEvent[]> {
    return this.repo.find({ where: { documentId }, order: { id: 'ASC' } });
  }
}
