import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { AppLayout } from '../layout/AppLayout';
import { AuthLayout } from '../layout/AuthLayout';
import { LoginScreen } from '../screens/login/LoginScreen';
import { SetupScreen } from '../screens/setup/SetupScreen';
import { useSession } from '../session/session-context';

/** The app's screens need a session: until there is one, the first-run setup or the login takes their place. */
export function SessionGate() {
  const { t } = useTranslation();
  const { state, retry } = useSession();
  switch (state.phase) {
    case 'booting':
      return (
        <AuthLayout>
          <p role="status">{t('ui.loading')}</p>
        </AuthLayout>
      );
    case 'unreachable':
      return (
        <AuthLayout>
          <h1 className="auth-card__title">{t('ui.connection.bootFailed')}</h1>
          <FormError message={state.error.text} />
          <button type="button" className="btn btn--primary" onClick={retry}>
            {t('ui.retry')}
          </button>
        </AuthLayout>
      );
    case 'setup':
      return (
        <AuthLayout>
          <SetupScreen />
        </AuthLayout>
      );
    case 'login':
      return (
        <AuthLayout>
          <LoginScreen notice={state.notice} />
        </AuthLayout>
      );
    case 'ready':
      return <AppLayout />;
  }
}
