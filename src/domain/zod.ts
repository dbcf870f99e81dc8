import { z } from 'zod/mini'
import en from 'zod/v4/locales/en.js'

/**
 * The one zod every schema of the app imports: `zod/mini`, which a bundler can shake down
 * to the parts in use (classic `zod` cannot be shaken). Unlike classic `zod`, `zod/mini`
 * installs no locale, so every issue without a message of our own would read "Invalid
 * input"; English is installed here, once, so messages read as they did under classic zod
 * (e.g. "Too big: expected string to have <=80 characters").
 */
z.config(en())

export { z }
