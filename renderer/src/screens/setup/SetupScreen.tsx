import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../a11y/useDocumentTitle';
import { AccountFields } from '../../accounts/AccountFields';
import { useAccountForm } from '../../accounts/useAccountForm';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { useSession } from '../../session/session-context';

/** First run: create the first administrator (who is then logged in). */
export function SetupScreen() {
  const { t } = useTranslation();
  const { setupAdmin } = useSession();
  const form = useAccountForm((f) => t(`ui.setup.${f}`));
  useDocumentTitle(t('ui.setup.title'));

  const submit = form.submitHandler((account) => setupAdmin(account), { leavesScreen: true });

  const { shown } = form;
  return (
    <>
      <h1 className="auth-card__title">{t('ui.setup.title')}</h1>
      <p className="auth-card__intro">{t('ui.setup.intro')}</p>
      <FormError message={shown && !shown.field ? shown.text : form.hasProblems ? t('ui.validation.summary') : null} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="setup-form">
        <AccountFields form={form} autoFocus usernameHint={t('ui.setup.usernameHint')} passwordHint={t('ui.setup.passwordHint')} ownAccount />
        <SubmitButton label={t('ui.setup.submit')} busy={form.busy} busyLabel={t('ui.setup.submitting')} block />
      </form>
    </>
  );
}
