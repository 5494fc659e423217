// The frame of a document's page (incoming and outgoing): the subject as the heading with the
// confidentiality marked, the cards (metadata, the next action, history) on the left and the file on
// the right — one column on a phone, the file last. `documentPageState` answers the states before the
// document is there: not found (the API's 404 for a document the person may not see), an error, loading.
import { Card, Col, Row, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/problem';
import { NotFoundPage } from '../NotFoundPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CONFIDENTIAL_COLOR, CONFIDENTIALITY_LABELS } from '../../components/labels';

interface Props {
  subject: string;
  confidentiality: string;
  /** The file card's content (the PDF viewer, or a spinner while the worker converts). */
  file: ReactNode;
  children: ReactNode;
}

export function DocumentFrame({ subject, confidentiality, file, children }: Props) {
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {confidentiality !== 'normal' && <Tag color={CONFIDENTIAL_COLOR}>{CONFIDENTIALITY_LABELS[confidentiality]}</Tag>}
        {subject}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {children}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="Tệp văn bản" size="small">
            {file}
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** A card of the left column, below the one before it. */
export function FrameCard({ title, first = false, children }: { title: string; first?: boolean; children: ReactNode }) {
  return (
    <Card title={title} size="small" style={first ? undefined : { marginTop: 16 }}>
      {children}
    </Card>
  );
}

/** What to show while a document's query has no data: not found, the error, or a spinner; undefined once it has. */
export function documentPageState(query: { error: unknown; data: unknown }): ReactNode | undefined {
  const { error } = query;
  if (error instanceof ApiError && (error.status === 404 || error.code === 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (error) return <ErrorAlert error={error} />;
  if (!query.data) return <Spin />;
  return undefined;
}
