import { describe, expect, it } from 'vitest';
import { canOpen, screensFor } from './staffMenu';

describe('staff menu by role', () => {
  it('gives legal the review queue and a department admin none', () => {
    expect(screensFor('legal').map((screen) => screen.path)).toContain('/review');
    expect(screensFor('dept_admin').map((screen) => screen.path)).not.toContain('/review');
  });

  it('keeps system administration to sysadmin', () => {
    for (const role of ['window', 'dept_admin', 'legal', 'supervisor']) expect(canOpen(role, '/users')).toBe(false);
    expect(canOpen('sysadmin', '/users')).toBe(true);
  });

  it('gives plugins to department admins and sysadmins only', () => {
    expect(canOpen('dept_admin', '/plugins/id-check')).toBe(true);
    expect(canOpen('sysadmin', '/plugins')).toBe(true);
    for (const role of ['window', 'legal', 'supervisor']) expect(canOpen(role, '/plugins')).toBe(false);
  });

  it('judges a screen under a menu entry by that entry', () => {
    expect(canOpen('dept_admin', '/matters/11441900MB2C12345X4442010001/edit')).toBe(true);
    expect(canOpen('window', '/matters/11441900MB2C12345X4442010001/edit')).toBe(false);
  });

  it('gives every staff role at least the workbench', () => {
    for (const role of ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor', 'sysadmin'])
      expect(screensFor(role).length).toBeGreaterThan(0);
    expect(screensFor('citizen')).toEqual([]);
  });
});
