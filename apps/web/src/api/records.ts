// Hồ sơ (libs/records, docs/records.md): the records a person may see, one record with its documents,
// filing a document from the "to file" list (closed incoming, issued outgoing, in no record yet),
// opening a record off the file list, and closing it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { answer, api } from './client';
import type { components, operations } from './schema';

export type RecordSummary = components['schemas']['RecordDto'];
export type RecordDetail = components['schemas']['RecordDetailDto'];
export type ToFileItem = components['schemas']['ToFileItemDto'];
export type OpenRecordInput = components['schemas']['OpenRecordDto'];
export type RecordsQuery = NonNullable<operations['RecordsController_list']['parameters']['query']>;

export const recordKeys = {
  all: ['records'] as const,
  list: (query: RecordsQuery) => ['records', 'list', query] as const,
  detail: (id: string) => ['records', 'detail', id] as const,
  toFile: ['records', 'to-file'] as const,
};

export function useRecords(query: RecordsQuery) {
  return useQuery({ queryKey: recordKeys.list(query), queryFn: () => answer(api.GET('/api/v1/records', { params: { query } })), placeholderData: keepPreviousData });
}

export function useRecord(id: string) {
  return useQuery({ queryKey: recordKeys.detail(id), queryFn: () => answer(api.GET('/api/v1/records/{id}', { params: { path: { id } } })) });
}

export function useToFile(enabled: boolean) {
  return useQuery({ queryKey: recordKeys.toFile, queryFn: () => answer(api.GET('/api/v1/records/to-file')), enabled });
}

const path = (id: string) => ({ params: { path: { id } } });

export const openRecord = (body: OpenRecordInput) => answer(api.POST('/api/v1/records', { body }));
export const fileDocument = (id: string, kind: ToFileItem['kind'], documentId: string) => answer(api.POST('/api/v1/records/{id}/documents', { ...path(id), body: { kind, documentId } }));
export const closeRecord = (id: string) => answer(api.POST('/api/v1/records/{id}/close', path(id)));

export const RECORD_STATUS_LABELS: Record<RecordSummary['status'], string> = {
  open: 'Đang mở',
  closed: 'Đã đóng',
  handed_over: 'Đã nộp lưu',
  destroyed: 'Đã tiêu hủy',
};
