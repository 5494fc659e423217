// Area "timeline": the shape every document event (incoming, outgoing) shares. No providers.
export { TimelineEvent } from './timeline-event';
