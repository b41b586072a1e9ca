import { describe, expect, it } from 'vitest';
import { methods } from '../../../core/contract/index';
import { isValidMethodName } from '../../../electron/shared/ipc';

describe('contract method names vs the IPC validator', () => {
  it('lets every contract method through the preload and main checks', () => {
    expect(methods.size).toBeGreaterThan(0);
    const refused = [...methods.keys()].filter((m) => !isValidMethodName(m));
    expect(refused).toEqual([]);
  });
});
