import type { FormInstance } from 'antd';
import { ApiError } from '../api/problem';
import { showFieldErrors } from './field-errors';

function fakeForm() {
  const setFields = jest.fn();
  return { form: { setFields } as unknown as FormInstance, setFields };
}

describe('the API field errors under the form fields (apps/web/src/components/field-errors.ts)', () => {
  it("puts each field's messages under that field, nested names under their first part", () => {
    const { form, setFields } = fakeForm();
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ', [
      { field: 'fullName', message: 'fullName must be shorter than or equal to 100 characters' },
      { field: 'roles.0', message: 'each value in roles must be one of …' },
      { field: 'roles.1', message: 'second' },
    ]);
    expect(showFieldErrors(form, error, ['fullName', 'roles', 'unitId'])).toBe(true);
    expect(setFields).toHaveBeenCalledWith([
      { name: 'fullName', errors: ['fullName must be shorter than or equal to 100 characters'] },
      { name: 'roles', errors: ['each value in roles must be one of …', 'second'] },
    ]);
  });

  it('leaves the form alone for fields it does not have and for errors that are not the API’s', () => {
    const { form, setFields } = fakeForm();
    expect(showFieldErrors(form, new ApiError(400, 'VALIDATION_FAILED', 'x', [{ field: 'other', message: 'm' }]), ['fullName'])).toBe(false);
    expect(showFieldErrors(form, new TypeError('network'), ['fullName'])).toBe(false);
    expect(setFields).not.toHaveBeenCalled();
  });
});
