// Storing a certificate: the key file and image are checked here (type, size) before a byte is
// sent; the upload shows its progress. The API checks the rest (passphrase, chain, holder's name).
import { Button, Form, Input, Progress, Radio, Select, Upload } from 'antd';
import { useState } from 'react';
import { imageProblem, pkcs12Problem, uploadCertificate, useRefreshBooks, type CertificateUpload } from '../../api/books';
import { useUnits } from '../../api/directory';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAdminAction } from './useAdminAction';

interface Values {
  kind: CertificateUpload['kind'];
  agencyId?: string;
  passphrase: string;
}

type FileField = 'pkcs12' | 'image';

export function CertificateUploadForm() {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'organisation';
  const units = useUnits();
  const [files, setFiles] = useState<Partial<Record<FileField, File>>>({});
  const [fileErrors, setFileErrors] = useState<Partial<Record<FileField, string>>>({});
  const [progress, setProgress] = useState<number>();
  const action = useAdminAction('Đã lưu chứng thư số', { form, fields: ['kind', 'agencyId', 'passphrase'], refresh: useRefreshBooks() });

  const pick = (field: FileField, check: (f: File) => string | undefined) => (file: File) => {
    const problem = check(file);
    setFileErrors((e) => ({ ...e, [field]: problem }));
    setFiles((f) => ({ ...f, [field]: problem ? undefined : file }));
    return problem ? Upload.LIST_IGNORE : false;
  };

  const finish = async (v: Values) => {
    const missing = { pkcs12: files.pkcs12 ? undefined : 'Chọn tệp chứng thư (.p12, .pfx)', image: files.image ? undefined : 'Chọn ảnh chữ ký hoặc con dấu (PNG)' };
    if (missing.pkcs12 || missing.image) {
      setFileErrors(missing);
      return;
    }
    setProgress(0);
    const stored = await action.run(() => uploadCertificate({ ...v, pkcs12: files.pkcs12!, image: files.image! }, setProgress));
    setProgress(undefined);
    if (stored) {
      form.resetFields();
      setFiles({});
    }
  };

  return (
    <>
      <ErrorAlert error={action.error} />
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'organisation' }} onFinish={(v) => void finish(v)} style={{ maxWidth: 640 }}>
        <Form.Item label="Loại chứng thư" name="kind">
          <Radio.Group
            options={[
              { value: 'organisation', label: 'Con dấu của cơ quan' },
              { value: 'personal', label: 'Cá nhân (của chính tôi)' },
            ]}
          />
        </Form.Item>
        {kind === 'organisation' && (
          <Form.Item label="Cơ quan" name="agencyId" extra="Để trống: cơ quan của bạn">
            <Select
              allowClear
              loading={units.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              options={(units.data?.items ?? []).filter((u) => u.kind === 'agency').map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label="Tệp chứng thư (.p12, .pfx)" required validateStatus={fileErrors.pkcs12 ? 'error' : undefined} help={fileErrors.pkcs12}>
          <Upload accept=".p12,.pfx,application/x-pkcs12" maxCount={1} beforeUpload={pick('pkcs12', pkcs12Problem)} onRemove={() => setFiles((f) => ({ ...f, pkcs12: undefined }))}>
            <Button>Chọn tệp chứng thư</Button>
          </Upload>
        </Form.Item>
        <Form.Item label="Mật khẩu của tệp chứng thư" name="passphrase" rules={[{ required: true, message: 'Nhập mật khẩu của tệp chứng thư' }]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="Ảnh chữ ký hoặc con dấu (PNG nền trong suốt)"
          required
          validateStatus={fileErrors.image ? 'error' : undefined}
          help={fileErrors.image}
        >
          <Upload accept="image/png,.png" maxCount={1} beforeUpload={pick('image', imageProblem)} onRemove={() => setFiles((f) => ({ ...f, image: undefined }))}>
            <Button>Chọn ảnh PNG</Button>
          </Upload>
        </Form.Item>
        {progress !== undefined && <Progress percent={progress} aria-label="Tiến độ tải lên" />}
        <Button type="primary" htmlType="submit" loading={action.busy}>
          Lưu chứng thư
        </Button>
      </Form>
    </>
  );
}
