import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { OutgoingEvent } from './entities/outgoing-event.entity';

@Injectable()
export class OutgoingEventRepository {
  constructor(@InjectRepository(OutgoingEvent) private readonly repo: Repository<OutgoingEvent>) {}

  async append(manager: EntityManager, event: Omit<OutgoingEvent, 'id' | 'occurredAt'>): Promise<OutgoingEvent> {
    const repo = manager.getRepository(OutgoingEvent);
    return repo.save(repo.create({ ...event, occurredAt: new Date() }));
  }

  findById(id: string): Promise<OutgoingEvent | null> {
    return this.repo.findOne({ where: { id } });
  }

  timeline(documentId: string): Promise<OutgoingEvent[]> {
    return this.repo.find({ where: { documentId }, order: { id: 'ASC' } });
  }
}
