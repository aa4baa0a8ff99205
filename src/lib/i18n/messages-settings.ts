/** The UI strings of the settings pages (merged into messages.ts). Every key in both languages. */
const en = {};

export const settingsMessages: { en: typeof en; ko: Record<keyof typeof en, string> } = {
	en,
	ko: {}
};
