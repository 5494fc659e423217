// The period's numbers, this period beside the previous one; each number is a button that lists the
// documents behind it (drill-down).
import { Button, Card, Col, Row, Typography } from 'antd';
import { count, FIGURE_LABELS, INCOMING_FIGURES, OUTGOING_FIGURES, outgoingFigure, type Figure, type Stats } from '../../api/stats';

function FigureCard({ figure, value, previous, onOpen }: { figure: Figure; value: number; previous: number; onOpen: (figure: Figure) => void }) {
  const label = FIGURE_LABELS[figure];
  return (
    <Col xs={12} sm={8} md={6} xl={4}>
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <Typography.Text type="secondary" style={{ display: 'block', minHeight: 40 }}>
          {label}
        </Typography.Text>
        <Button
          type="link"
          style={{ padding: 0, fontSize: 26, height: 'auto', fontWeight: 600 }}
          data-testid={`figure-${figure}`}
          aria-label={`${label}: ${value} văn bản, xem danh sách`}
          onClick={() => onOpen(figure)}
        >
          {value.toLocaleString('vi-VN')}
        </Button>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          Kỳ trước: {previous.toLocaleString('vi-VN')}
        </Typography.Text>
      </Card>
    </Col>
  );
}

export function FigureCards({ stats, onOpen }: { stats: Stats; onOpen: (figure: Figure) => void }) {
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        Văn bản đến
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {INCOMING_FIGURES.map((name) => (
          <FigureCard key={name} figure={name} value={count(stats.current.incoming, name)} previous={count(stats.previous.incoming, name)} onOpen={onOpen} />
        ))}
      </Row>
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 16 }}>
        Văn bản đi
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {OUTGOING_FIGURES.map((name) => (
          <FigureCard key={name} figure={outgoingFigure(name)} value={count(stats.current.outgoing, name)} previous={count(stats.previous.outgoing, name)} onOpen={onOpen} />
        ))}
      </Row>
    </>
  );
}
