// Area "views": recording and listing who opened a document.
export { ViewsModule } from './views.module';
export * from './access-history.service';
export * from './document-managers';
export { DocumentViewRepository } from './document-view.repository';
export type { DocumentView, ViewAction, ViewedKind } from './document-view.repository';
export { ViewRecorder } from './view-recorder.service';
export type { ViewSource } from './view-recorder.service';
