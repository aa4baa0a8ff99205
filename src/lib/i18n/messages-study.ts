/** The UI strings of the study pages (merged into messages.ts). Every key in both languages. */
const en = {};

export const studyMessages: { en: typeof en; ko: Record<keyof typeof en, string> } = {
	en,
	ko: {}
};
