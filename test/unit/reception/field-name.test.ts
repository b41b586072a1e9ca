import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../core/i18n/catalogue';
import { FIELD_FORMAT, fieldInSentence } from '../../../renderer/src/i18n/field-name';

describe('a field label inside "please enter …" (#13: the setup form said "nhập nhập lại")', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { vi: { translation: catalogue.vi }, en: { translation: catalogue.en } }, lng: 'vi', initAsync: false, interpolation: { escapeValue: false } });
  i18n.services.formatter?.add(FIELD_FORMAT, (v: unknown, lng: string | undefined) => fieldInSentence(String(v), lng));
  const required = (lng: 'vi' | 'en', key: string) => i18n.getFixedT(lng)('ui.validation.required', { field: i18n.getFixedT(lng)(key).toLocaleLowerCase() });

  it('never says the verb twice', () => {
    expect(required('vi', 'ui.setup.confirm')).toBe('Vui lòng nhập lại mật khẩu.');
    expect(required('en', 'ui.setup.confirm')).toBe('Please enter the password again.');
  });

  it('leaves ordinary labels as they are', () => {
    expect(required('vi', 'ui.login.username')).toBe('Vui lòng nhập tên đăng nhập.');
    expect(required('vi', 'ui.login.password')).toBe('Vui lòng nhập mật khẩu.');
    expect(fieldInSentence('họ và tên', 'vi')).toBe('họ và tên');
  });
});
