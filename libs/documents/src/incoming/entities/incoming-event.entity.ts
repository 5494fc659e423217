import { Entity } from 'typeorm';
import { TimelineEvent } from '../../timeline/timeline-event';

@Entity('incoming_event')
export class IncomingEvent extends TimelineEvent {}
