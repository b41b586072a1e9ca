/**
 * One chart and its data table. The SVG is for the eye (a click on a bar opens the rows behind it); the table under
 * "Xem bảng số liệu" is the same data for screen readers and the keyboard: every count in it is a button that opens
 * the same rows.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { chartDescription, chartOption, type ChartSpec, type DrillTarget } from './chart-data';
import type { EChartsType } from './echarts-setup';

export function ChartPanel({ spec, onDrill }: { spec: ChartSpec; onDrill(target: DrillTarget, label: string): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ spec, onDrill });
  useEffect(() => {
    latest.current = { spec, onDrill };
  });

  // One echarts instance per panel, resized with its box (the layout wraps at narrow widths). echarts is loaded
  // on first use (its own chunk), so the other screens do not carry it.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let disposed = false;
    let cleanup = () => {};
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed) return;
      const c = echarts.init(el, undefined, { renderer: 'svg' });
      chart.current = c;
      c.setOption(chartOption(latest.current.spec), { notMerge: true });
      c.on('click', (p) => {
        const { spec: s, onDrill: drill } = latest.current;
        const row = s.rows[p.dataIndex];
        const target = row?.cells[p.seriesIndex ?? 0]?.drill;
        if (row && target) drill(target, row.label);
      });
      const ro = new ResizeObserver(() => c.resize());
      ro.observe(el);
      cleanup = () => {
        ro.disconnect();
        c.dispose();
        chart.current = null;
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(chartOption(spec), { notMerge: true });
  }, [spec]);

  const empty = spec.rows.length === 0;
  return (
    <section className="sv-chart" aria-labelledby={headingId} data-testid={`sv-chart-${spec.id}`}>
      <h3 id={headingId} className="sv-chart__title">
        {spec.title}
      </h3>
      {/* role=img named from the first render (echarts sets the same description once its chunk has loaded: until
          then the box had a role and no name); the table below carries the numbers. */}
      <div ref={box} className="sv-chart__canvas" role="img" aria-label={chartDescription(spec)} data-testid={`sv-chart-${spec.id}-svg`} hidden={empty} />
      {empty && <p className="sv-chart__empty">{t('supervisorUi.charts.empty')}</p>}
      <details className="sv-chart__table" data-testid={`sv-chart-${spec.id}-table`}>
        <summary>{t('supervisorUi.charts.showTable')}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="data-table__caption">{spec.title}</caption>
            <thead>
              <tr>
                <th scope="col">{spec.categoryHeading}</th>
                {spec.series.map((s) => (
                  <th key={s.name} scope="col" className="data-table__num">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.rows.map((r) => (
                <tr key={r.key} data-key={r.key}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c, i) => (
                    <td key={spec.series[i]?.name ?? i} className="data-table__num">
                      {c.drill && c.value ? (
                        <button
                          type="button"
                          className="sv-link"
                          aria-label={t('supervisorUi.charts.openRows', { n: c.text, what: `${spec.series[i]?.name ?? ''}, ${r.label}` })}
                          onClick={() => onDrill(c.drill!, r.label)}
                        >
                          {c.text}
                        </button>
                      ) : (
                        c.text
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
