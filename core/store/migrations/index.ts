import type { Migration } from '../migrate';
import { m001Core } from './001_core';
import { m002Catalogue } from './002_catalogue';
import { m003Dossiers } from './003_dossiers';
import { m004AuthThrottle } from './004_auth_throttle';
import { m005Uploads } from './005_uploads';
import { m006CounterWork } from './006_counter_work';
import { m007AgencyLines } from './007_agency_lines';
import { m008ScannedPages } from './008_scanned_pages';
import { m009Ocr } from './009_ocr';
import { m010Printing } from './010_printing';
import { m011Sync } from './011_sync';
import { m012Queue } from './012_queue';
import { m013PairedDevices } from './013_paired_devices';
import { m014Reports } from './014_reports';

/** In order; never edit a released migration, add the next one. */
export const MIGRATIONS: readonly Migration[] = [m001Core, m002Catalogue, m003Dossiers, m004AuthThrottle, m005Uploads, m006CounterWork, m007AgencyLines, m008ScannedPages, m009Ocr, m010Printing, m011Sync, m012Queue, m013PairedDevices, m014Reports];
