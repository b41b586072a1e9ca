/**
 * Printed forms of a dossier: builds the form context from the dossier as stored and renders the agency's
 * template. The templates are data (resources/templates, overridable per installation in <data>/templates).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DossierView } from '../../contract/dossiers';
import { AppError } from '../../contract/errors';
import { formatLocalDateTime } from '../../domain/calendar/index';
import type * as RenderModule from '../../domain/forms/render';
import type { DocumentMark, FormContext, FormLayout, FormPerson } from '../../domain/forms/types';
import { vietnamLocal } from '../../domain/time/vietnam';
import { t } from '../../i18n/translate';
import type { Clock } from '../../platform/clock';
import type { DataLayout } from '../../platform/data-dir';
import type { Actor } from '../actor';
import type { AuthService } from '../auth/auth-service';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Db } from '../../store/database';
import { printedReceipt } from './fee-receipt-series';
import type { DossierService } from '../dossiers/dossier-service';
import type { SettingsService } from '../settings/settings-service';

export interface FormsDeps {
  clock: Clock;
  layout: DataLayout;
  resourcesDir: string;
  dossiers: DossierService;
  settings: SettingsService;
  auth: AuthService;
  /** The current catalogue: an agency's upper line when the dossier's snapshot predates it. */
  catalogue: CatalogueService;
  /** Fee receipts as issued (form number and series). */
  db: Db;
}

type FormName = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'bien-lai';

export interface PreparedDossierForm {
  ctx: FormContext;
  /** e.g. receipt-000.00.01.H12-261122-0007.pdf */
  fileName: string;
  dossierId: string;
  dossierCode: string | null;
}

/** Loaded on first print: pdf-lib and fontkit cost ~350 ms at start-up. */
async function renderForm(...args: Parameters<typeof RenderModule.renderForm>): Promise<Uint8Array> {
  const { renderForm: render } = await import('../../domain/forms/render');
  return render(...args);
}

export class FormsService {
  constructor(private readonly d: FormsDeps) {}

  /** Renders with the installation's template overrides (<data>/templates) when that folder exists. */
  private async pdf(form: string, ctx: FormContext, layout: FormLayout): Promise<Uint8Array> {
    const templatesDir = this.templatesDir();
    return renderForm(form, ctx, { layout, resourcesDir: this.d.resourcesDir, ...(templatesDir ? { templatesDir } : {}) });
  }

  private templatesDir(): string | undefined {
    const dir = path.join(this.d.layout.root, 'templates');
    return existsSync(dir) ? dir : undefined;
  }

  /**
   * The officer a form names is who did the work it records (received, refused, collected), not who reprints it:
   * actor labels are "user:<username>#<id>"; the person's display name is looked up, a system actor shown as is.
   */
  private officerNamed(label: string | undefined, fallback: Actor): { name: string } {
    const m = label ? /^user:[^#]+#(\d+)$/.exec(label) : null;
    if (m) {
      try {
        return { name: this.d.auth.getUser(Number(m[1])).displayName };
      } catch {
        /* account removed: fall through */
      }
    }
    if (fallback.kind === 'user') return { name: this.d.auth.getUser(fallback.userId).displayName };
    return { name: fallback.name };
  }

  private person(p: { kind: 'citizen' | 'organisation'; fullName: string; idNumber: string | null; address: string | null; phone?: string | null; email?: string | null }): FormPerson {
    return {
      kind: p.kind,
      fullName: p.fullName,
      idNumber: p.idNumber ?? '',
      address: p.address ?? '',
      ...(p.phone ? { phone: p.phone } : {}),
      ...(p.email ? { email: p.email } : {}),
    };
  }

  /**
   * The line above the agency's name: the agency's own, as at reception (snapshot), else as the catalogue now
   * has it (dossiers received before the agency had one); none when the agency has none.
   */
  private parentNameOf(agency: { code: string; parentName?: string }): string | undefined {
    if (agency.parentName) return agency.parentName;
    try {
      return this.d.catalogue.agency(agency.code).parentName;
    } catch {
      return undefined; // agency since removed from the catalogue
    }
  }

  context(v: DossierView, actor: Actor, form?: FormName): FormContext {
    const agency = this.d.dossiers.agencyOf(v.id);
    const procedure = this.d.dossiers.procedureOf(v.id);
    const last = (to: string) => [...v.history].reverse().find((h) => h.to === to)?.data as Record<string, unknown> | undefined;
    const apology = [...v.history].reverse().find((h) => (h.data as { apology?: unknown })?.apology)?.data as
      | { apology: { reason: string; newDue: string; previousDue?: string | null } }
      | undefined;
    const lookupUrl = this.d.settings.get<string>('forms.lookupUrl');
    const unit = t(`dossier.units.${procedure.processing.unit}`);
    const ctx: FormContext = {
      agency: {
        code: agency.code,
        name: agency.name,
        ...(agency.address ? { address: agency.address } : {}),
        ...(agency.phone ? { phone: agency.phone } : {}),
        ...(this.parentNameOf(agency) ? { parentName: this.parentNameOf(agency)! } : {}),
        ...(this.d.settings.get<string>('forms.place') ? { place: this.d.settings.get<string>('forms.place')! } : {}),
      },
      dossier: {
        code: v.code ?? '',
        id: v.id,
        lookupPin: v.lookupPin,
        receivedAt: v.receivedAt ?? '',
        dueAt: v.due,
        resultReturn: v.resultReturn,
        ...(v.returnAddress ? { returnAddress: v.returnAddress } : {}),
        channel: v.channel,
        processingTime: `${procedure.processing.amount} ${unit}`,
        ...(apology ? { newDueAt: apology.apology.newDue } : {}),
      },
      procedure: { code: procedure.code, name: procedure.name, field: procedure.field.name },
      applicant: this.person(v.applicant),
      ...(v.submitter ? { submitter: this.person({ ...v.submitter, oldIdNumber: undefined } as never) } : {}),
      checklist: v.checklist
        .filter((l) => l.received || l.required)
        .map((l) => ({
          name: l.name,
          mark: (l.mark ?? 1) as DocumentMark,
          markLabel: l.mark ? t(`forms.mark.${l.mark}`) : '',
          copies: l.copies,
          received: l.received,
          ...(l.note ? { note: l.note } : {}),
        })),
      fees: { fee: v.fees.fee, charge: v.fees.charge, postage: v.fees.postage, paid: v.fees.paid, due: v.fees.due },
      officer: this.officerNamed(
        form === 'bien-lai'
          ? v.fees.receipts.at(-1)?.collectedBy
          : (form === 'receipt' ? [...v.history].reverse().find((h) => h.to === 'received') : v.history[0])?.actor,
        actor,
      ),
      ...(lookupUrl ? { lookupUrl } : {}),
      printedAt: formatLocalDateTime(vietnamLocal(this.d.clock.now())),
    };
    const supplement = last('supplement_requested');
    if (supplement) {
      const items = (supplement.items as { name: string; reason: string }[]) ?? [];
      ctx.supplement = { items, ...(supplement.note ? { note: String(supplement.note) } : {}) };
    }
    const refusal = last('refused');
    if (refusal) ctx.refusal = { reason: String(refusal.reason ?? '') };
    if (apology) {
      ctx.apology = { reason: apology.apology.reason, newDueAt: apology.apology.newDue };
      // The slip says which appointment is being moved: the one before the apology.
      if (form === 'apology') ctx.dossier.dueAt = (apology.apology as { previousDue?: string | null }).previousDue ?? ctx.dossier.dueAt;
    }
    return ctx;
  }

  /**
   * A dossier's form context, checked as for printing (the form fits the dossier's state, a fee receipt exists …),
   * without drawing anything: render() makes the PDF from it, the print queue a thermal raster or a PDF with a
   * reprint mark. Throws what render() throws.
   */
  prepare(actor: Actor, ref: { id?: string | undefined; code?: string | undefined }, form: FormName): PreparedDossierForm {
    const v = this.d.dossiers.get(ref);
    const needs: Partial<Record<FormName, DossierView['state'][]>> = {
      receipt: ['received', 'sent_to_agency', 'result_ready', 'result_returned'],
      supplement: ['supplement_requested'],
      refusal: ['refused'],
    };
    const allowed = needs[form];
    if (allowed && !allowed.includes(v.state)) throw new AppError('FORMS_NOT_FOR_STATE', { form, state: v.state });
    const ctx = this.context(v, actor, form);
    if (form === 'apology' && !ctx.apology) throw new AppError('FORMS_NOT_FOR_STATE', { form, state: v.state });
    if (form === 'bien-lai') {
      // The fee receipt shows the latest collection: what was paid before it, and what it collects.
      const last = v.fees.receipts.at(-1);
      if (!last) throw new AppError('FORMS_NO_FEE_RECEIPT', { code: v.code ?? v.id });
      const printed = printedReceipt(this.d.db, last.number);
      ctx.fees = {
        ...ctx.fees,
        paid: v.fees.paid - last.amount,
        due: last.amount,
        receiptNumber: printed.number,
        ...(printed.formNumber ? { receiptFormNumber: printed.formNumber } : {}),
        ...(printed.series ? { receiptSeries: printed.series } : {}),
      };
    }
    return { ctx, fileName: `${form}-${(v.code ?? v.id).replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`, dossierId: v.id, dossierCode: v.code };
  }

  /** The installation's template overrides (<data>/templates) when that folder exists. */
  templateOverrides(): string | undefined {
    return this.templatesDir();
  }

  async render(actor: Actor, ref: { id?: string | undefined; code?: string | undefined }, form: FormName, layout: FormLayout): Promise<{ fileName: string; contentBase64: string; bytes: number }> {
    const { ctx, fileName } = this.prepare(actor, ref, form);
    const pdf = await this.pdf(form, ctx, layout);
    return { fileName, contentBase64: Buffer.from(pdf).toString('base64'), bytes: pdf.length };
  }

  async handover(actor: Actor, ids: string[], from: string, to: string, layout: FormLayout): Promise<{ fileName: string; contentBase64: string; bytes: number }> {
    if (new Set(ids).size !== ids.length) throw new AppError('FORMS_HANDOVER_DUPLICATE', {}, { field: 'ids' });
    const views = ids.map((id) => this.d.dossiers.get({ id }));
    // Only paper the counter holds for the agency: received, or already on its way.
    const wrong = views.find((v) => v.state !== 'received' && v.state !== 'sent_to_agency');
    if (wrong) throw new AppError('FORMS_NOT_FOR_STATE', { form: 'handover', state: wrong.state }, { field: 'ids' });
    const first = views[0]!;
    const ctx = this.context(first, actor);
    ctx.handover = {
      from,
      to,
      // Page counts come with scanning; attached files are not sheets of paper.
      dossiers: views.map((v) => ({ code: v.code ?? v.id, procedureName: v.procedureName, applicantName: v.applicant.fullName })),
    };
    const pdf = await this.pdf('handover', ctx, layout);
    const stamp = ctx.printedAt.replace(/[^0-9]/g, '');
    return { fileName: `handover-${stamp}.pdf`, contentBase64: Buffer.from(pdf).toString('base64'), bytes: pdf.length };
  }
}
