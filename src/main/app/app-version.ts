import packageJson from '../../../package.json' with { type: 'json' };

/** The version shown in the UI and `ferry --version`, from package.json so it is never out of step. */
export const APP_VERSION: string = packageJson.version;
