/**
 * The one message catalogue. Every user-facing string of core, CLI and renderer comes from here.
 * Features keep their own file under messages/ (Vietnamese first, English beside it); this file merges them.
 */
import type { Locale, MessageTree, Messages } from './types';
import { audit } from './messages/audit';
import { auth } from './messages/auth';
import { calendar } from './messages/calendar';
import { catalogue as catalogueMessages } from './messages/catalogue';
import { cccd } from './messages/cccd';
import { common } from './messages/common';
import { dossiers } from './messages/dossiers';
import { forms } from './messages/forms';
import { ui } from './messages/ui';
import { uiReception } from './messages/ui-reception';
import { validation } from './messages/validation';
import { dossiersUi } from './messages/ui-dossiers';
import { settingsUi } from './messages/ui-settings';
import { scan } from './messages/scan';
import { scanPages } from './messages/scan-pages';
import { scanPipeline } from './messages/scan-pipeline';
import { separators } from './messages/separators';
import { events } from './messages/events';
import { uiScanning } from './messages/ui-scanning';
import { scanJobs } from './messages/scan-jobs';
import { ocrEngine } from './messages/ocr-engine';
import { ocrQueue } from './messages/ocr-queue';
import { pdf } from './messages/pdf';
import { search } from './messages/search';
import { uiOcr } from './messages/ui-ocr';
import { printingDevices } from './messages/printing-devices';
import { printingRender } from './messages/printing-render';
import { printingQueue } from './messages/printing-queue';
import { printingEscpos } from './messages/printing-escpos';
import { cliPrint } from './messages/cli-print';
import { uiPrinting } from './messages/ui-printing';
import { syncTransport } from './messages/sync-transport';
import { syncOutbox } from './messages/sync-outbox';
import { syncChanges } from './messages/sync-changes';
import { uiSync } from './messages/ui-sync';
import { centralServer } from './messages/central-server';
import { queueService } from './messages/queue-service';
import { queueDevices } from './messages/queue-devices';
import { uiQueue } from './messages/ui-queue';
import { uiKiosk } from './messages/ui-kiosk';
import { uiBoard } from './messages/ui-board';
import { queueStore } from './messages/queue-store';
import { reportsMessages } from './messages/reports';
import { uiSupervisor } from './messages/ui-supervisor';

const parts: Messages[] = [common, validation, audit, auth, ui, calendar, catalogueMessages, cccd, dossiers, forms, dossiersUi, settingsUi, uiReception, scan, scanPages, scanPipeline, separators, events, uiScanning, scanJobs, ocrEngine, ocrQueue, pdf, search, uiOcr, printingDevices, printingRender, printingQueue, printingEscpos, cliPrint, uiPrinting, syncTransport, syncOutbox, syncChanges, uiSync, centralServer, queueService, queueDevices, uiQueue, uiKiosk, uiBoard, queueStore, reportsMessages, uiSupervisor];

function merge(into: MessageTree, from: MessageTree, path: string): void {
  for (const [k, v] of Object.entries(from)) {
    const existing = into[k];
    if (typeof v === 'string') {
      if (existing !== undefined) throw new Error(`duplicate message key ${path}${k}`);
      into[k] = v;
    } else {
      if (typeof existing === 'string') throw new Error(`message key ${path}${k} is both a leaf and a tree`);
      const node: MessageTree = existing ?? {};
      merge(node, v, `${path}${k}.`);
      into[k] = node;
    }
  }
}

function build(locale: Locale): MessageTree {
  const tree: MessageTree = {};
  for (const p of parts) merge(tree, p[locale], '');
  return tree;
}

export const catalogue: Record<Locale, MessageTree> = { vi: build('vi'), en: build('en') };
