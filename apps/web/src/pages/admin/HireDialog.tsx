// Tuyển dụng / thêm người dùng: the API makes the username and e-mail from the name and answers a
// one-time password, shown once here.
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { peopleCalls, useRefreshPeople, type AccountRole, type Hired } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { OneTimePassword } from './OneTimePassword';
import { RoleChoice } from './RoleChoice';
import { useAdminAction } from './useAdminAction';

interface Values {
  fullName: string;
  position?: string;
  unitId: string;
  roles: AccountRole[];
}

const FIELDS = ['fullName', 'position', 'unitId', 'roles'] as const;

export function HireDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [hired, setHired] = useState<Hired>();
  const action = useAdminAction('Đã thêm người dùng', { form, fields: FIELDS, refresh: useRefreshPeople() });
  const close = () => {
    form.resetFields();
    setHired(undefined);
    action.clearError();
    onClose();
  };
  const finish = async (values: Values) => {
    const result = await action.run(() => peopleCalls.hire({ ...values, fullName: values.fullName.trim(), position: values.position?.trim() || undefined }));
    if (result) setHired(result);
  };
  return (
    <Modal
      open={open}
      title="Thêm người dùng"
      onCancel={close}
      destroyOnHidden
      footer={
        hired ? (
          <Button type="primary" onClick={close}>
            Xong
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={close}>
              Hủy
            </Button>,
            <Button key="ok" type="primary" loading={action.busy} onClick={() => form.submit()}>
              Thêm
            </Button>,
          ]
        )
      }
    >
      {hired ? (
        <OneTimePassword username={hired.username} password={hired.initialPassword} />
      ) : (
        <>
          <ErrorAlert error={action.error} />
          <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)} initialValues={{ roles: ['officer'] }}>
            <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, max: 100, message: 'Nhập họ và tên (tối đa 100 ký tự)' }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item label="Chức vụ" name="position" rules={[{ max: 100, message: 'Tối đa 100 ký tự' }]}>
              <Input placeholder="Chuyên viên" />
            </Form.Item>
            <Form.Item label="Đơn vị" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị công tác' }]}>
              <UnitPicker />
            </Form.Item>
            <Form.Item label="Vai trò" name="roles" rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một vai trò' }]}>
              <RoleChoice label="Vai trò" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
