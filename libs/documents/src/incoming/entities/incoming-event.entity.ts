import { Entity } from 'typeorm';
import { TimelineEvent } from '../../timeline';

@Entity('incoming_event')
export class IncomingEvent extends TimelineEvent {}
