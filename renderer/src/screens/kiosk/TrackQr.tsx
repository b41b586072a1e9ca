import { useMemo } from 'react';
import { QUIET_ZONE, qrMatrix, qrSvgPath } from '../../../../core/domain/forms/qr';

/** The phone page a ticket's QR opens (web mode: the same host; hash routing like the rest of the app). */
export function trackUrl(trackingId: string, loc: Pick<Location, 'origin' | 'pathname'> = location): string {
  return `${loc.origin}${loc.pathname}#/track/${encodeURIComponent(trackingId)}`;
}

/** The ticket's tracking QR on screen too, for when it could not be printed (or the paper is lost). */
export function TrackQr({ trackingId, label }: { trackingId: string; label: string }) {
  const { path, side } = useMemo(() => {
    const m = qrMatrix(trackUrl(trackingId));
    return { path: qrSvgPath(m), side: m.size + 2 * QUIET_ZONE };
  }, [trackingId]);
  return (
    <svg className="kiosk-ticket__qr" viewBox={`0 0 ${side} ${side}`} role="img" aria-label={label} data-testid="kiosk-ticket-qr">
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
