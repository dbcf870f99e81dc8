/** The library's address, and one rule's: the app reads the same form (#/training/rules[/<id>]). */
export const ruleLibraryHref = '#/training/rules'
export const ruleHref = (ruleId: string): string => `${ruleLibraryHref}/${encodeURIComponent(ruleId)}`

/** The DOM id of a rule's link in the list, so focus can return to it when the detail closes. */
export const ruleLinkId = (ruleId: string): string => `rule-library-link-${ruleId.replace(/[^A-Za-z0-9-]/g, '_')}`
