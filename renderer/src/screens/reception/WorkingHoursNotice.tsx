/**
 * Receiving outside the agency's working hours (an evening, a Sunday, a holiday) is allowed — the counter may be
 * finishing a queue — but the clerk is told, since the due date then counts from the next working time.
 * Asked of the core, whose clock and calendar decide; a failed check shows nothing.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { formatLocalDateTime } from './format';

export function WorkingHoursNotice({ agencyCode }: { agencyCode: string }) {
  const { t } = useTranslation();
  const [outside, setOutside] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.call('reception.workingTime', { agencyCode }).then(
      (r) => !cancelled && setOutside(r.working ? null : r.now),
      () => !cancelled && setOutside(null),
    );
    return () => {
      cancelled = true;
    };
  }, [agencyCode]);
  if (outside === null) return null;
  return (
    <p className="notice rx-after-hours" role="note" data-testid="after-hours">
      {t('reception.review.afterHours', { now: formatLocalDateTime(outside) })}
    </p>
  );
}
