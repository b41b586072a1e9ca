/**
 * The supervisor's dashboard (issue #19): the filter, the report's figures as tiles, the charts each with its data
 * table, the rows behind any figure in a dialog, and the period report as Excel or PDF. The filter lives in the
 * address (#/supervisor?from=…&to=…&agency=…), so a reload or a shared link shows the same; today by default, the fastest read.
 *
 * The address is updated with history.replaceState, not the router: a router navigation would move the focus to
 * the heading (ScreenPage does that on each navigation) while the supervisor is still working the filter.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../../../core/contract/reports';
import { api } from '../../bridge';
import { ScreenPage } from '../../components/ScreenPage';
import { formatDate, formatDateTime } from '../../format/date-time';
import { ChartPanel } from './ChartPanel';
import { dashboardCharts, type DrillTarget } from './chart-data';
import { DrillDialog, type OpenDrill } from './DrillDialog';
import { ExportButtons } from './ExportButtons';
import { FigureTiles } from './FigureTiles';
import { FilterBar, type FilterChoices } from './FilterBar';
import { addressPeriodRefused, addressQuery, addressWithQuery, filterFromQuery, filterToQuery, sameFilter, vietnamToday } from './filter-state';
import { useDashboard } from './useDashboard';
import './supervisor.css';

function useFilterChoices(counters: readonly string[]): FilterChoices {
  const [agencies, setAgencies] = useState<FilterChoices['agencies']>([]);
  const [clerks, setClerks] = useState<FilterChoices['clerks']>([]);
  useEffect(() => {
    let live = true;
    api.call('catalogue.agencies', {}).then(
      (list) => live && setAgencies(list.map((a) => ({ value: a.code, label: a.shortName ? `${a.shortName} (${a.code})` : `${a.name} (${a.code})` }))),
      () => {},
    );
    api.call('users.list', {}).then(
      (list) => live && setClerks(list.map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }))),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return { agencies, clerks, counters: counters.map((c) => ({ value: c, label: c })) };
}

export function SupervisorScreen() {
  const { t } = useTranslation();
  const [today] = useState(() => vietnamToday());
  const [filter, setFilter] = useState<ReportFilter>(() => filterFromQuery(addressQuery(window.location), today));
  // A period in the address that is not one is replaced by today; said once, not silently.
  const [addressRefused] = useState(() => addressPeriodRefused(addressQuery(window.location)));
  const { data, loading, error, retry } = useDashboard(filter);
  // The charts' library (its own chunk) is fetched while the figures are asked, not after they come.
  useEffect(() => {
    void import('./echarts-setup');
  }, []);
  const [drill, setDrill] = useState<OpenDrill | null>(null);
  const [drillKey, setDrillKey] = useState(0);
  // Counters seen in any answer, so the list keeps them while one counter is chosen.
  const [counters, setCounters] = useState<string[]>([]);
  const choices = useFilterChoices(counters);

  useEffect(() => {
    const loc = window.location;
    const current = addressQuery(loc);
    // Opened plain (#/supervisor) on its default (today, everything): the address stays plain until the filter moves.
    const plainDefault = sameFilter(filter, { from: today, to: today }) && !new URLSearchParams(current).has('from');
    const query = plainDefault ? current : filterToQuery(filter, current);
    if (query !== current) window.history.replaceState(window.history.state, '', addressWithQuery(loc, query));
  }, [filter, today]);

  const [countersOf, setCountersOf] = useState(data);
  if (data !== countersOf) {
    setCountersOf(data);
    const seen = (data?.perCounter ?? []).map((c) => c.counter).filter((c) => c);
    const next = [...new Set([...counters, ...seen])].sort((a, b) => a.localeCompare(b, 'vi'));
    if (next.length !== counters.length) setCounters(next);
  }

  const charts = useMemo(() => (data ? dashboardCharts(data, t) : []), [data, t]);
  const openDrill = (target: DrillTarget, label: string) => {
    setDrillKey((k) => k + 1);
    setDrill({ target, label });
  };
  const shownFilter = data?.filter ?? filter;

  return (
    <ScreenPage title={t('ui.screens.supervisor.title')} className="sv-screen">
      <p className="screen__lead">{t('supervisorUi.lead')}</p>
      <FilterBar filter={filter} today={today} choices={choices} onChange={(f) => !sameFilter(f, filter) && setFilter(f)} />
      {addressRefused && (
        <p className="sv-notice" role="status" data-testid="sv-address-refused">
          {t('supervisorUi.filters.addressRefused')}
        </p>
      )}
      <div className="sv-status">
        <p className="sv-status__period" data-testid="sv-period">
          {t('supervisorUi.filters.shown', { from: formatDate(shownFilter.from), to: formatDate(shownFilter.to) })}
          {data && <span className="sv-status__at"> · {t('supervisorUi.status.generatedAt', { at: formatDateTime(data.generatedAt) })}</span>}
          {loading && <span className="sv-status__loading"> · {t('supervisorUi.status.loading')}</span>}
        </p>
        <ExportButtons filter={filter} />
      </div>
      {error && (
        <div className="sv-error" role="alert" data-testid="sv-error">
          <p>{t('supervisorUi.status.failed', { message: error })}</p>
          <button type="button" className="btn" onClick={retry}>
            {t('supervisorUi.status.retry')}
          </button>
        </div>
      )}
      {data && (
        <div className="sv-body" aria-busy={loading} data-testid="sv-dashboard">
          <FigureTiles data={data} now={new Date(data.generatedAt)} onDrill={openDrill} />
          <div className="sv-charts">
            {charts.map((spec) => (
              <ChartPanel key={spec.id} spec={spec} onDrill={openDrill} />
            ))}
          </div>
        </div>
      )}
      <DrillDialog key={drillKey} open={drill} filter={shownFilter} onClose={() => setDrill(null)} />
    </ScreenPage>
  );
}
