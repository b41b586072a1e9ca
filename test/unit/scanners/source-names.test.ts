import { describe, expect, it } from 'vitest';
import { colorModeOf, sourceKindOf, vendorModeFor, vendorSourceFor } from '../../../native/scanners/sane/source-names';

describe('vendor source and mode names (one table, both ways)', () => {
  it.each([
    ['Flatbed', 'flatbed'],
    ['FB', 'flatbed'],
    ['Document Table', 'flatbed'],
    ['Automatic Document Feeder', 'adf'],
    ['ADF', 'adf'],
    ['ADF Front', 'adf'],
    ['Automatic Document Feeder(left aligned)', 'adf'],
    ['ADF Duplex', 'adf-duplex'],
    ['Duplex', 'adf-duplex'],
    ['DP', 'adf-duplex'],
    ['Automatic Document Feeder(left aligned,Duplex)', 'adf-duplex'],
    ['ADF Duplex - Long Side Binding', 'adf-duplex'],
    ['ADF Back', null],
    ['Transparency Adapter', null],
  ])('%s is %s', (vendor, kind) => {
    expect(sourceKindOf(vendor)).toBe(kind);
  });

  it('picks the string the device itself offers for our kind', () => {
    const fujitsu = ['ADF Front', 'ADF Back', 'ADF Duplex'];
    expect(vendorSourceFor('adf', fujitsu)).toBe('ADF Front');
    expect(vendorSourceFor('adf-duplex', fujitsu)).toBe('ADF Duplex');
    expect(vendorSourceFor('flatbed', fujitsu)).toBeNull();
    const epson = ['Flatbed', 'Automatic Document Feeder', 'Automatic Document Feeder(left aligned,Duplex)'];
    expect(vendorSourceFor('adf', epson)).toBe('Automatic Document Feeder');
    expect(vendorSourceFor('adf-duplex', epson)).toBe('Automatic Document Feeder(left aligned,Duplex)');
    expect(vendorSourceFor('flatbed', ['FB', 'DP', 'ADF'])).toBe('FB');
    expect(vendorSourceFor('adf-duplex', ['FB', 'DP', 'ADF'])).toBe('DP');
  });

  it('maps colour modes both ways', () => {
    expect(colorModeOf('Lineart')).toBe('bw');
    expect(colorModeOf('Black & White')).toBe('bw');
    expect(colorModeOf('True Gray')).toBe('gray');
    expect(colorModeOf('24bit Color')).toBe('color');
    expect(vendorModeFor('gray', ['Lineart', 'Gray', 'Color'])).toBe('Gray');
    expect(vendorModeFor('bw', ['Binary', 'Gray', 'Color'])).toBe('Binary');
    expect(vendorModeFor('bw', ['Gray', 'Color'])).toBeNull();
  });
});
