import { Entity } from 'typeorm';
import { TimelineEvent } from '../../timeline';

/** Every review comment, approval and state change of an outgoing document. */
@Entity('outgoing_event')
export class OutgoingEvent extends TimelineEvent {}
