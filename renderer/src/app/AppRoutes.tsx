import { Navigate, Route, Routes } from 'react-router';
import { FullScreenLayout } from '../layout/FullScreenLayout';
import { NotFoundScreen } from '../screens/errors/NotFoundScreen';
import { ScreenRoute } from './ScreenRoute';
import { HOME_PATH, PUBLIC_PAGES, SCREENS, SUB_SCREENS, subScreenDef } from './screens';
import { SessionGate } from './SessionGate';

export function AppRoutes() {
  return (
    <Routes>
      {SCREENS.filter((s) => s.fullScreen).map((s) => (
        <Route
          key={s.id}
          path={s.path}
          element={
            <FullScreenLayout>
              <ScreenRoute screen={s} />
            </FullScreenLayout>
          }
        />
      ))}
      {PUBLIC_PAGES.map(({ path, Component }) => (
        <Route
          key={path}
          path={path}
          element={
            <FullScreenLayout>
              <Component />
            </FullScreenLayout>
          }
        />
      ))}
      <Route element={<SessionGate />}>
        <Route index element={<Navigate to={HOME_PATH} replace />} />
        {SCREENS.filter((s) => !s.fullScreen).map((s) => (
          <Route key={s.id} path={s.path} element={<ScreenRoute screen={s} />} />
        ))}
        {SUB_SCREENS.map((s) => (
          <Route key={s.path} path={s.path} element={<ScreenRoute screen={subScreenDef(s)} />} />
        ))}
        <Route path="*" element={<NotFoundScreen />} />
      </Route>
    </Routes>
  );
}
