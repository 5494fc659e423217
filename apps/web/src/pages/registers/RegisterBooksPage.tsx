// Sổ văn bản (văn thư, lãnh đạo, ban giám đốc): pick a register of the agency, a year and perhaps a
// stretch of days, see the book with the columns Decree 30 asks for, and download it as XLSX or PDF.
import { Button, Card, DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { registerBookUrl, useRegisterBook, useRegisters, type BookRequest } from '../../api/registers';
import { DownloadButtons, type ReportFormat } from '../../components/DownloadButtons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScrollRegion } from '../../components/ScrollRegion';
import { CONFIDENTIAL_COLOR } from '../../components/labels';
import { DATE_FORMAT, dayjs, formatDate, toCalendarDate } from '../../dates';

interface Values {
  registerId?: string;
  year: Dayjs;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function RegisterBooksPage() {
  const registers = useRegisters();
  const [form] = Form.useForm<Values>();
  const [shown, setShown] = useState<BookRequest>();
  const book = useRegisterBook(shown);

  const requestOf = (v: Values): BookRequest | undefined =>
    v.registerId
      ? { registerId: v.registerId, year: v.year.year(), from: v.range?.[0] ? toCalendarDate(v.range[0]) : undefined, to: v.range?.[1] ? toCalendarDate(v.range[1]) : undefined }
      : undefined;

  // A download needs a register: the form's own message says so when none is picked.
  const target = async (format: ReportFormat) => {
    const values = await form.validateFields().catch(() => undefined);
    const request = values && requestOf(values);
    return request && { url: registerBookUrl(request, format), fallbackName: `so-van-ban-${request.year}.${format}` };
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Sổ văn bản
      </Typography.Title>
      <ErrorAlert error={registers.error} />
      <Form form={form} name="register-book" layout="inline" initialValues={{ year: dayjs() }} onFinish={(v) => setShown(requestOf(v))} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="Sổ" name="registerId" rules={[{ required: true, message: 'Chọn sổ văn bản' }]}>
          <Select
            style={{ width: 300, maxWidth: '80vw' }}
            placeholder="Chọn sổ"
            loading={registers.isFetching}
            options={(registers.data ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.code})${r.kind === 'incoming' ? ' — đến' : ' — đi'}` }))}
          />
        </Form.Item>
        <Form.Item label="Năm" name="year" rules={[{ required: true, message: 'Chọn năm' }]}>
          <DatePicker picker="year" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'year')} />
        </Form.Item>
        <Form.Item label="Từ ngày – đến ngày" name="range">
          <DatePicker.RangePicker format={DATE_FORMAT} placeholder={['Từ ngày', 'Đến ngày']} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit">
            Xem sổ
          </Button>
        </Space>
        <DownloadButtons target={target} />
      </Form>
      <ErrorAlert error={book.error} />
      {shown && book.data && (
        <Card
          size="small"
          title={
            <>
              {book.data.register.confidential && <Tag color={CONFIDENTIAL_COLOR}>Mật</Tag>}
              {book.data.title.join(' ')}
            </>
          }
        >
          {book.data.subtitle.length > 0 && <Typography.Paragraph>{book.data.subtitle.join(' · ')}</Typography.Paragraph>}
          <ScrollRegion label="Sổ văn bản, cuộn ngang để xem đủ các cột" minWidth={900}>
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            data-testid="register-book"
            dataSource={book.data.rows}
            locale={{ emptyText: 'Sổ chưa có văn bản nào trong khoảng này' }}
            columns={book.data.columns.map((c) => ({
              title: c.header,
              dataIndex: c.key,
              render: (v: string | number | null) => (c.kind === 'date' && typeof v === 'string' ? formatDate(v) : v),
            }))}
          />
          </ScrollRegion>
        </Card>
      )}
      {shown && book.isFetching && !book.data && <Typography.Text>Đang tải sổ…</Typography.Text>}
    </>
  );
}
