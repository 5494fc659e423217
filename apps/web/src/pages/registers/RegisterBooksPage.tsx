// Sổ văn bản (văn thư, lãnh đạo, ban giám đốc): pick a register of the agency, a year and perhaps a
// stretch of days, see the book with the columns Decree 30 asks for, and download it as XLSX or PDF.
import { Button, Card, DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { downloadFile } from '../../api/download';
import { registerBookUrl, useRegisterBook, useRegisters, type BookRequest } from '../../api/registers';
import { ErrorAlert } from '../../components/ErrorAlert';
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
  const [downloading, setDownloading] = useState<'xlsx' | 'pdf'>();
  const [downloadError, setDownloadError] = useState<unknown>();
  const book = useRegisterBook(shown);

  const requestOf = (v: Values): BookRequest | undefined =>
    v.registerId
      ? { registerId: v.registerId, year: v.year.year(), from: v.range?.[0] ? toCalendarDate(v.range[0]) : undefined, to: v.range?.[1] ? toCalendarDate(v.range[1]) : undefined }
      : undefined;

  const download = async (format: 'xlsx' | 'pdf') => {
    const values = await form.validateFields().catch(() => undefined);
    const request = values && requestOf(values);
    if (!request) return;
    setDownloading(format);
    setDownloadError(undefined);
    try {
      await downloadFile(registerBookUrl(request, format), `so-van-ban-${request.year}.${format}`);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(undefined);
    }
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
          <Button onClick={() => void download('xlsx')} loading={downloading === 'xlsx'}>
            Tải XLSX
          </Button>
          <Button onClick={() => void download('pdf')} loading={downloading === 'pdf'}>
            Tải PDF
          </Button>
        </Space>
      </Form>
      <ErrorAlert error={downloadError} />
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
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            scroll={{ x: 900 }}
            data-testid="register-book"
            dataSource={book.data.rows}
            locale={{ emptyText: 'Sổ chưa có văn bản nào trong khoảng này' }}
            columns={book.data.columns.map((c) => ({
              title: c.header,
              dataIndex: c.key,
              render: (v: string | number | null) => (c.kind === 'date' && typeof v === 'string' ? formatDate(v) : v),
            }))}
          />
        </Card>
      )}
      {shown && book.isFetching && !book.data && <Typography.Text>Đang tải sổ…</Typography.Text>}
    </>
  );
}
