/**
 * File types the system runs rather than shows when it "opens" them: Windows programs, scripts its script hosts run,
 * installers and shortcuts; macOS Terminal files, apps and installers; Linux desktop entries; Java programs; Python
 * scripts (run by the Python launcher on Windows). View/Edit with no editor set opens a file with the system's default
 * app, so for these it would run a file a server sent (FileZilla asks first): Ferry refuses instead.
 */
import path from 'node:path';

const PROGRAM_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows: programs, script hosts, installers, shortcuts, control panel and settings files.
  '.exe', '.com', '.bat', '.cmd', '.pif', '.scr', '.cpl', '.msc', '.msi', '.msp', '.mst', '.msix', '.appx', '.appinstaller',
  '.application', '.appref-ms', '.gadget', '.hta', '.js', '.jse', '.vbs', '.vbe', '.wsf', '.wsh', '.ws', '.ps1', '.psm1',
  '.reg', '.inf', '.lnk', '.url', '.scf', '.settingcontent-ms', '.chm',
  // macOS.
  '.app', '.command', '.tool', '.terminal', '.pkg', '.mpkg', '.workflow',
  // Linux desktop entries; Java; Python.
  '.desktop', '.jar', '.jnlp', '.py', '.pyw',
]);

/** The file's extension when opening it with the system's default app would run it (".exe"), else null. */
export function programExtension(name: string): string | null {
  const extension = path.extname(name.trim().replace(/[. ]+$/, '')).toLowerCase();
  return PROGRAM_EXTENSIONS.has(extension) ? extension : null;
}
