import { Module } from '@nestjs/common';
import { AccessHistoryService } from './access-history.service';
import { DocumentViewRepository } from './document-view.repository';
import { ViewRecorder } from './view-recorder.service';

/**
 * Who opened which document (access history). Incoming and outgoing record views here; who may read
 * the history is asked back through IncomingManagers/OutgoingManagers, bound in DocumentPortsModule.
 */
@Module({
  providers: [DocumentViewRepository, ViewRecorder, AccessHistoryService],
  exports: [DocumentViewRepository, ViewRecorder, AccessHistoryService],
})
export class ViewsModule {}
