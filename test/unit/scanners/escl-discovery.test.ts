/**
 * From an mDNS announcement to an eSCL device URI: scheme from the service type, the resource path from TXT `rs`
 * (default eSCL), an address the core can reach, the name from TXT `ty`.
 */
import { describe, expect, it } from 'vitest';
import { esclUriFromService, type AnnouncedService } from '../../../native/scanners/escl/discovery';

const base: AnnouncedService = { name: 'Brother ADS-2700W', type: 'uscan', host: 'brother.local', port: 80, addresses: ['192.168.1.40'], txt: {} };

describe('esclUriFromService', () => {
  it.each([
    [{}, 'escl:http://192.168.1.40/eSCL'],
    [{ txt: { rs: 'eSCL' } }, 'escl:http://192.168.1.40/eSCL'],
    [{ txt: { rs: '/eSCL/' } }, 'escl:http://192.168.1.40/eSCL'],
    [{ txt: { rs: 'scanner/escl' } }, 'escl:http://192.168.1.40/scanner/escl'],
    [{ txt: { RS: 'HP/eSCL' } }, 'escl:http://192.168.1.40/HP/eSCL'],
    [{ txt: { rs: Buffer.from('eSCL2') } }, 'escl:http://192.168.1.40/eSCL2'],
    [{ txt: { rs: '' } }, 'escl:http://192.168.1.40'],
    [{ port: 8080 }, 'escl:http://192.168.1.40:8080/eSCL'],
    [{ type: 'uscans', port: 443 }, 'escl:https://192.168.1.40/eSCL'],
    [{ type: 'uscans', port: 8443, txt: { rs: 'eSCL' } }, 'escl:https://192.168.1.40:8443/eSCL'],
    [{ type: '_uscan' }, 'escl:http://192.168.1.40/eSCL'],
    [{ addresses: ['fe80::1', '2001:db8::7', '192.168.1.41'] }, 'escl:http://192.168.1.41/eSCL'],
    [{ addresses: ['fe80::1', '2001:db8::7'] }, 'escl:http://[2001:db8::7]/eSCL'],
    [{ addresses: ['fe80::1'] }, 'escl:http://brother.local/eSCL'],
    [{ addresses: [], host: 'Brother.local.' }, 'escl:http://brother.local/eSCL'],
  ])('%j → %s', (over, uri) => {
    expect(esclUriFromService({ ...base, ...over } as AnnouncedService)?.uri).toBe(uri);
  });

  it('names the device by its make and model (TXT ty), else by its instance name', () => {
    expect(esclUriFromService({ ...base, txt: { ty: ' HP LaserJet MFP M426 ' } })?.name).toBe('HP LaserJet MFP M426');
    expect(esclUriFromService(base)?.name).toBe('Brother ADS-2700W');
  });

  it.each([
    ['another service type', { type: 'ipp' }],
    ['no usable port', { port: 0 }],
    ['a port out of range', { port: 70000 }],
    ['no address and no host', { addresses: [], host: '' }],
    ['a host that is not a name', { addresses: [], host: 'evil/host' }],
    ['a resource path with a query', { txt: { rs: 'eSCL?x=1' } }],
    ['a resource path with spaces', { txt: { rs: 'e SCL' } }],
  ])('refuses an announcement with %s', (_why, over) => {
    expect(esclUriFromService({ ...base, ...over } as AnnouncedService)).toBeNull();
  });
});
