import { describe, expect, it } from 'vitest';
import { createDesktopFiles } from '../../../src/preload/desktop-files';

describe('window.ferryFiles (preload)', () => {
  it('asks webUtils for a dropped file’s path', () => {
    const file = new File(['x'], 'report.pdf');
    const asked: File[] = [];
    const files = createDesktopFiles({ getPathForFile: (f) => (asked.push(f), '/home/li/report.pdf') });
    expect(files.pathForFile(file)).toBe('/home/li/report.pdf');
    expect(asked).toEqual([file]);
  });
  it('refuses anything but a File (the page could pass any object across the bridge)', () => {
    const files = createDesktopFiles({ getPathForFile: () => '/x' });
    expect(() => files.pathForFile({ name: 'fake' } as unknown as File)).toThrow(TypeError);
  });
});
