import { expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { compareRows, foldRows, isAnswer, type AnswerRow, type ReviewRow } from '../../src/lib/srs/history';
import { currentEntry, type Session } from '../../src/lib/srs/session';
import { seededRandom } from '../../src/lib/srs/random';
import type { Grade } from '../../src/lib/srs/sm2';
import { ownDeckWithCard } from './own-deck';
import { collectErrors } from './page-errors';

/**
 * A seeded random walk over the study screen's answer path: keys pressed with no wait between them (an answer
 * while the one before is being stored), Undo, Bury, Suspend, reloads and a second tab, checked against the
 * review log after every step. The steps are the seed's; the timing between a key and a write is the machine's,
 * so what each key did is read from what was on screen when it was pressed (see FUZZ_LOGGER).
 */
const SEEDS = [1, 2, 3];
const STEPS = 60;
const CARDS = 16;

/** The four answer buttons' grades, in the order of their keys 1-4; Space and Enter answer Good. */
const KEY_GRADES: Record<string, Grade> = { '1': 1, '2': 3, '3': 4, '4': 5, ' ': 4, Enter: 4 };
const BUTTON_GRADES: Record<string, Grade> = { Again: 1, Hard: 3, Good: 4, Easy: 5 };
const GRADE_PROMPT = 'How well did you remember it?';

/** What the page had on screen when a key went down or a button was clicked, before the app heard it. */
interface Pressed {
	type: 'key' | 'click';
	/** The key, or the clicked button's accessible name. */
	name: string;
	repeat: boolean;
	/** A key whose target is a control other than Show answer: the control's own, not the study screen's. */
	onOtherControl: boolean;
	/** A click inside the answer buttons' group. */
	onGrade: boolean;
	front: string | null;
	revealed: boolean;
	/**
	 * Which showing was on screen: a new one starts when the front changes or the answer is hidden again.
	 * Prefixed by the page load, as a reload starts afresh.
	 */
	showing: string;
}

interface FuzzWindow {
	fuzzPressed: Pressed[];
}

/**
 * Installed in every page before the app: records each key and click with the showing on screen, in the capture
 * phase, so before the study screen acts on it (an answer shows the next card at once).
 */
function FUZZ_LOGGER(): void {
	const pressed: Pressed[] = [];
	(window as unknown as FuzzWindow).fuzzPressed = pressed;
	const load = Math.random().toString(36).slice(2, 8);
	let showing = 0;
	let last: { front: string | null; back: boolean } = { front: null, back: false };
	const side = (name: string) => document.querySelector(`[role="group"][aria-label="${name}"]`);
	const look = () => {
		const now = { front: side('Front')?.textContent?.trim() ?? null, back: side('Back') !== null };
		if (now.front !== last.front || (last.back && !now.back)) showing++;
		last = now;
	};
	new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
	const record = (type: Pressed['type'], event: Event, name: string) => {
		look();
		const target = event.target instanceof Element ? event.target : null;
		pressed.push({
			type,
			name,
			repeat: event instanceof KeyboardEvent && event.repeat,
			onOtherControl: target?.closest('a, button, summary, [role="button"]') != null && target.closest('[data-reveal]') === null,
			onGrade: target?.closest('[role="group"]')?.getAttribute('aria-label') === 'How well did you remember it?',
			front: last.front,
			revealed: last.back,
			showing: `${load}:${showing}`
		});
	};
	window.addEventListener('keydown', (event) => record('key', event, event.key), true);
	window.addEventListener(
		'click',
		(event) => {
			const button = event.target instanceof Element ? event.target.closest('button') : null;
			if (button !== null) record('click', event, button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '');
		},
		true
	);
}

/** The grade a press gave, when the study screen takes it as an answer (the rules of study-keys.ts, from the outside). */
function gradeOf(press: Pressed): Grade | undefined {
	if (!press.revealed || press.front === null) return undefined;
	if (press.type === 'click') return press.onGrade ? BUTTON_GRADES[press.name.split(',')[0]!] : undefined;
	if (press.repeat) return undefined;
	if ((press.name === ' ' || press.name === 'Enter') && press.onOtherControl) return undefined;
	return KEY_GRADES[press.name];
}

/** What one page shows, and whether it is still storing something. */
interface Screen {
	/** Read and shown: the Undo button is there. */
	loaded: boolean;
	busy: boolean;
	/** A write is in flight: the page would ask before being left. */
	writing: boolean;
	front: string | null;
	revealed: boolean;
	undoEnabled: boolean;
	answered: number | null;
}

function readScreen(page: Page): Promise<Screen> {
	return page.evaluate(() => {
		const side = (name: string) => document.querySelector(`[role="group"][aria-label="${name}"]`);
		const undo = [...document.querySelectorAll('button')].find((button) => button.textContent?.includes('Undo'));
		const progress = document.querySelector('[role="progressbar"]');
		return {
			loaded: undo !== undefined,
			busy: document.querySelector('[aria-busy="true"]') !== null,
			writing: !window.dispatchEvent(new Event('beforeunload', { cancelable: true })),
			front: side('Front')?.textContent?.trim() ?? null,
			revealed: side('Back') !== null,
			undoEnabled: undo !== undefined && !undo.disabled,
			answered: progress === null ? null : Number(progress.getAttribute('aria-valuenow'))
		};
	});
}

interface StoredCard {
	id: string;
	front: string;
	state: ReviewRow['after']['state'];
	dueDay?: number;
	lastReview?: string;
}

interface Stored {
	rows: ReviewRow[];
	cards: StoredCard[];
	session: { session: Session; undo: unknown[] } | undefined;
}

/** The review log, the cards and the session, read with IndexedDB itself rather than through the app. */
function readStore(page: Page, scope: string): Promise<Stored> {
	return page.evaluate(
		(scope) =>
			new Promise<Stored>((resolve, reject) => {
				const open = indexedDB.open('recall');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const read = open.result.transaction(['reviews', 'cards', 'sessions']);
					const rows = read.objectStore('reviews').getAll();
					const cards = read.objectStore('cards').getAll();
					const session = read.objectStore('sessions').get(scope);
					read.oncomplete = () => {
						open.result.close();
						resolve({
							rows: rows.result as ReviewRow[],
							cards: (cards.result as StoredCard[]).map(({ id, front, state, dueDay, lastReview }) => ({ id, front, state, dueDay, lastReview })),
							session: session.result as Stored['session']
						});
					};
					read.onerror = () => reject(read.error);
				};
			}),
		scope
	);
}

/** The test's own record: what was answered, and what Undo would take back, latest last. */
interface Answer {
	front: string;
	grade: Grade;
	/** The step it was given in, for the report. */
	step: number;
}
type Action = { type: 'answer'; answer: Answer } | { type: 'buried' | 'suspended'; front: string };

class WalkRecord {
	/** Answers given and not undone, in the order given. */
	readonly answers: Answer[] = [];
	readonly undoable: Action[] = [];
	/** Fronts buried or suspended, and not undone. */
	readonly putAway = new Set<string>();
	readonly #answeredShowings = new Set<string>();
	given = 0;
	undone = 0;

	/** Every press heard, with what was on screen: attached to a failure. */
	readonly presses: string[] = [];

	/** Takes in the presses a page recorded: the first answer of a showing counts, a second on it is the same showing's. */
	heard(presses: Pressed[], step: number): string[] {
		const said: string[] = [];
		for (const press of presses) this.presses.push(`${step} ${press.type} ${JSON.stringify(press.name)} on ${press.front ?? 'no card'}${press.revealed ? ' (answer shown)' : ''}, showing ${press.showing}`);
		for (const press of presses) {
			const grade = gradeOf(press);
			if (grade === undefined || this.#answeredShowings.has(press.showing)) continue;
			this.#answeredShowings.add(press.showing);
			const answer = { front: press.front!, grade, step };
			this.answers.push(answer);
			this.undoable.push({ type: 'answer', answer });
			this.given++;
			said.push(`${answer.front}=${grade}`);
		}
		return said;
	}

	put(type: 'buried' | 'suspended', front: string): void {
		this.undoable.push({ type, front });
		this.putAway.add(front);
	}

	undo(): Action | undefined {
		const action = this.undoable.pop();
		if (action?.type === 'answer') {
			this.answers.splice(this.answers.lastIndexOf(action.answer), 1);
			this.undone++;
		} else if (action !== undefined) {
			this.putAway.delete(action.front);
		}
		return action;
	}
}

async function harvest(page: Page): Promise<Pressed[]> {
	return page.evaluate(() => (window as unknown as FuzzWindow).fuzzPressed.splice(0));
}

/** The walk's deck: a deck of one's own, so that each front on screen is the stored front, text for text. */
async function makeDeck(page: Page): Promise<string> {
	await ownDeckWithCard(page, 'Fuzz walk', { front: 'Fuzz card 01', back: 'answer 01' });
	const deckId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
	for (let n = 2; n <= CARDS; n++) {
		const number = String(n).padStart(2, '0');
		await page.getByRole('textbox', { name: 'Front' }).fill(`Fuzz card ${number}`);
		await page.getByRole('textbox', { name: 'Back' }).fill(`answer ${number}`);
		await page.getByRole('button', { name: 'Add 1 card' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Front' })).toHaveValue('');
	}
	return deckId;
}

type StepName = 'reveal' | 'grade' | 'reveal+grade' | 'two answers' | 'undo' | 'bury' | 'suspend' | 'reload' | 'other tab';
const STEP_WEIGHTS: [StepName, number][] = [
	['reveal', 2],
	['grade', 3],
	['reveal+grade', 4],
	['two answers', 4],
	['undo', 3],
	['bury', 1],
	['suspend', 1],
	['reload', 1],
	['other tab', 2]
];

function pick<T>(next: () => number, items: readonly T[]): T {
	return items[Math.floor(next() * items.length)]!;
}

function pickStep(next: () => number): StepName {
	const total = STEP_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
	let left = next() * total;
	for (const [name, weight] of STEP_WEIGHTS) {
		left -= weight;
		if (left < 0) return name;
	}
	return STEP_WEIGHTS[0]![0];
}

async function walk(context: BrowserContext, baseURL: string | undefined, seed: number, testInfo: TestInfo): Promise<void> {
	const next = seededRandom(seed);
	const page = await context.newPage();
	const errors = await collectErrors(page, baseURL);
	const t0 = Date.now();
	const scope = await makeDeck(page);
	const tDeck = Date.now() - t0;
	const studyUrl = `/study/${encodeURIComponent(scope)}`;
	await page.goto(studyUrl);
	const pages = [page];
	let other: Page | undefined;
	const record = new WalkRecord();
	const trace: string[] = [`seed ${seed}`];
	let step = 0;
	const where = () => `seed ${seed}, step ${step}: ${trace.at(-1)}`;

	/** A key of the answer path: a digit, Space or Enter. */
	const gradeKey = () => pick(next, ['1', '2', '3', '4', 'Space', 'Enter']);

	try {
		await check(await waitUntilIdle());
		for (step = 1; step <= STEPS; step++) {
			const name = pickStep(next);
			const startedAt = Date.now();
			const screen = await readScreen(page);
			let detail = '';
			let undone: Action | undefined;
			switch (name) {
				case 'reveal': {
					if (screen.front === null || screen.revealed) {
						detail = 'nothing to reveal';
						break;
					}
					const how = pick(next, ['Space', 'Enter', 'Show answer', 'card'] as const);
					detail = how;
					if (how === 'Show answer') await page.getByRole('button', { name: 'Show answer' }).click();
					else if (how === 'card') await page.getByRole('group', { name: 'Front' }).click();
					else await page.keyboard.press(how);
					break;
				}
				case 'grade': {
					// On the front side a digit does nothing; on the back, a key or a click answers.
					if (screen.revealed && next() < 0.3) {
						const label = pick(next, Object.keys(BUTTON_GRADES));
						detail = `click ${label}`;
						await page.getByRole('group', { name: GRADE_PROMPT }).getByRole('button', { name: new RegExp(`^${label}, `) }).click();
					} else {
						const key = screen.revealed ? gradeKey() : pick(next, ['1', '2', '3', '4']);
						detail = `key ${key}`;
						await page.keyboard.press(key);
					}
					break;
				}
				case 'reveal+grade': {
					const keys = [...(screen.revealed ? [] : ['Space']), gradeKey()];
					detail = keys.join(' ');
					for (const key of keys) await page.keyboard.press(key);
					break;
				}
				case 'two answers': {
					// The second answer comes while the first is being stored; now and then a third too.
					const keys = [...(screen.revealed ? [] : ['Space']), gradeKey(), 'Space', gradeKey(), ...(next() < 0.3 ? ['Space', gradeKey()] : [])];
					detail = keys.join(' ');
					for (const key of keys) await page.keyboard.press(key);
					break;
				}
				case 'undo': {
					expect(screen.undoEnabled, `${where()}: Undo is enabled when there is something to undo`).toBe(record.undoable.length > 0);
					const how = screen.undoEnabled && next() < 0.4 ? 'click' : 'z';
					if (how === 'click') await page.getByRole('button', { name: 'Undo' }).click();
					else await page.keyboard.press('z');
					undone = record.undo();
					detail = `${how}: ${undone === undefined ? 'nothing' : undone.type === 'answer' ? `answer ${undone.answer.front}=${undone.answer.grade}` : `${undone.type} ${undone.front}`}`;
					break;
				}
				case 'bury':
				case 'suspend': {
					if (screen.front === null) {
						detail = 'no card';
						break;
					}
					detail = screen.front;
					await page.getByRole('button', { name: 'More' }).click();
					await page.getByRole('button', { name: name === 'bury' ? 'Bury until tomorrow' : 'Suspend card' }).click();
					record.put(name === 'bury' ? 'buried' : 'suspended', screen.front);
					break;
				}
				case 'reload': {
					record.heard(await harvest(page), step);
					await page.reload();
					break;
				}
				case 'other tab': {
					if (other === undefined) {
						other = await context.newPage();
						errors.push(...(await collectErrors(other, baseURL)));
						await other.goto(studyUrl);
						pages.push(other);
						detail = 'opened; ';
						await waitUntilIdle();
					}
					const there = await readScreen(other);
					if (there.front === null) {
						detail += 'no card';
						break;
					}
					if (!there.revealed) await other.getByRole('button', { name: 'Show answer' }).click();
					const label = pick(next, Object.keys(BUTTON_GRADES));
					detail += `${there.front} ${label}`;
					await other.getByRole('group', { name: GRADE_PROMPT }).getByRole('button', { name: new RegExp(`^${label}, `) }).click();
					break;
				}
			}
			trace.push(`${step} ${name}: ${detail}`);
			const actedAt = Date.now();
			const stored = await waitUntilIdle();
			trace[trace.length - 1] += ` [act ${actedAt - startedAt} ms, idle ${Date.now() - actedAt} ms]`;
			for (const each of pages) {
				const said = record.heard(await harvest(each), step);
				if (said.length > 0) trace[trace.length - 1] += ` → answered ${said.join(', ')}${each === other ? ' (second tab)' : ''}`;
			}
			if (undone !== undefined) {
				// The card of the action undone is shown again, front first.
				const shown = await readScreen(page);
				expect({ front: shown.front, revealed: shown.revealed }, `${where()}: the card undone is shown again`).toEqual({
					front: undone.type === 'answer' ? undone.answer.front : undone.front,
					revealed: false
				});
			}
			const c0 = Date.now();
			await check(stored);
			trace[trace.length - 1] += ` [check ${Date.now() - c0} ms]`;
		}
		trace.push(`deck ${tDeck} ms`);
		// A reload reads it all from storage: still the same.
		await page.reload();
		await check(await waitUntilIdle());
		expect(record.given, `seed ${seed}: answers given over the walk`).toBeGreaterThan(10);
		testInfo.annotations.push({ type: 'walk', description: `seed ${seed}: ${record.given} answers given, ${record.undone} undone, ${record.answers.length} stored` });
	} catch (error) {
		await testInfo.attach(`walk, seed ${seed}`, { body: `${trace.join('\n')}\n\nWhat each key or click met:\n${record.presses.join('\n')}`, contentType: 'text/plain' });
		throw error;
	}

	/** Waits for every page to be idle and to show the stored head; returns what is stored. */
	async function waitUntilIdle(): Promise<Stored> {
		let stored: Stored | undefined;
		await expect
			.poll(
				async () => {
					// The store and the screens cannot be read in one go: the screens are read before and after the store,
					// and must not have moved. (Read after it only, an answer stored in between and showing the same card
					// again, as Again on a session's last card does, looked settled with the store read before it.)
					const before = await Promise.all(pages.map(readScreen));
					stored = await readStore(page, scope);
					const screens = await Promise.all(pages.map(readScreen));
					const head = stored.session === undefined ? undefined : currentEntry(stored.session.session);
					const headFront = head === undefined ? null : (stored.cards.find((card) => card.id === head.id)?.front ?? `(no card ${head.id})`);
					const answered = stored.session?.session.answered;
					return screens.map((screen, index) => ({
						idle: screen.loaded && !screen.busy && !screen.writing && JSON.stringify(screen) === JSON.stringify(before[index]),
						showsHead: screen.front === headFront,
						countsStored: screen.answered === null || screen.answered === answered,
						front: screen.front,
						head: headFront
					}));
				},
				{ message: `${where()}: every tab idle, showing the stored session's head`, timeout: 10_000 }
			)
			.toEqual(pages.map(() => expect.objectContaining({ idle: true, showsHead: true, countsStored: true })));
		return stored!;
	}

	/** The review log and the session against the record, and against each other. */
	async function check(stored: Stored): Promise<void> {
		expect(errors, `${where()}: page errors`).toEqual([]);
		const fronts = new Map(stored.cards.map((card) => [card.id, card.front]));
		const head = stored.session === undefined ? undefined : currentEntry(stored.session.session);
		const headFront = head === undefined ? null : fronts.get(head.id);
		for (const [index, each] of pages.entries()) {
			const screen = await readScreen(each);
			expect(screen.front, `${where()}: tab ${index + 1} shows the stored session's head`).toBe(headFront);
			expect(screen.undoEnabled, `${where()}: tab ${index + 1}'s Undo`).toBe(record.undoable.length > 0);
			if (screen.answered !== null) expect(screen.answered, `${where()}: tab ${index + 1}'s progress`).toBe(record.answers.length);
		}
		const answers = stored.rows.filter((row): row is AnswerRow => isAnswer(row)).sort(compareRows);
		expect(answers.length, `${where()}: answer rows stored = answers given (${record.given}) - undone (${record.undone})`).toBe(record.answers.length);
		// Card by card, in time order: the grades given to the card shown, each once.
		const storedGrades = (front: string) => answers.filter((row) => fronts.get(row.card) === front).map((row) => row.grade);
		const givenGrades = (front: string) => record.answers.filter((answer) => answer.front === front).map((answer) => answer.grade);
		for (const front of fronts.values()) expect(storedGrades(front), `${where()}: grades stored for ${front}`).toEqual(givenGrades(front));
		for (const card of stored.cards) {
			const rows = answers.filter((row) => row.card === card.id);
			// Each row follows the one before: an answer logged twice would start from the same state twice.
			for (const [index, row] of rows.entries()) {
				expect(row.previous, `${where()}: ${card.front}'s row ${index + 1} follows the row before`).toBe(rows[index - 1]?.id);
				if (index > 0) expect(row.before, `${where()}: ${card.front}'s row ${index + 1} starts where the row before ended`).toEqual(rows[index - 1]!.after);
			}
			expect(card.lastReview, `${where()}: ${card.front}'s latest row`).toBe(rows.at(-1)?.id);
			expect({ state: card.state, dueDay: card.dueDay }, `${where()}: ${card.front}'s schedule is its log's`).toEqual(foldRows(rows));
		}
		expect(stored.session?.session.answered, `${where()}: the session's count of answers`).toBe(record.answers.length);
		expect(stored.session?.undo.length, `${where()}: the session's undo steps`).toBe(record.undoable.length);
		const queued = new Set(stored.session?.session.entries.map((entry) => fronts.get(entry.id)));
		for (const front of record.putAway) expect(queued.has(front), `${where()}: ${front}, put away, is out of the session`).toBe(false);
	}
}

test.describe('a random walk over the study screen’s answer path', () => {
	test.beforeEach(({}, testInfo) => {
		test.skip(testInfo.project.name === 'phone', 'the walk is the keyboard’s and a mouse’s; a tap reaches the same answer() as a click, and study.test.ts taps through it on the phone');
		// A walk takes 17 to 80 s on a 2-core machine, more under load: the time is not what is tested.
		test.setTimeout(180_000);
	});

	for (const seed of SEEDS) {
		test(`seed ${seed}: ${STEPS} steps, every answer stored once, for the card on screen`, async ({ context, baseURL }, testInfo) => {
			// Morning, far from the day's start: the walk is one study day.
			await context.clock.install({ time: new Date('2026-11-25T10:00:00') });
			await context.addInitScript(FUZZ_LOGGER);
			await walk(context, baseURL, seed, testInfo);
		});
	}
});

interface LockWindow {
	/** Holds the cards store from a connection of the test's own (holdCards). */
	fuzzHold: () => void;
	/** Releases the cards store held by the walk's own connection. */
	fuzzRelease?: () => void;
	/** The study area stopped being busy (or the next card came) after fuzzArm. */
	fuzzIdleSeen?: boolean;
}

/** Holds the cards store in a write transaction of another connection, as a slow disk would, until fuzzRelease. */
function holdCards(page: Page): Promise<void> {
	return page.evaluate(() => (window as unknown as LockWindow).fuzzHold());
}

test('found by the walk (seed 1): a key pressed as the answer before is stored, while its session is read again, does not overtake the answer queued before it', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name === 'phone', 'keys: the desktop project has a keyboard');
	const errors = await collectErrors(page, baseURL);
	await ownDeckWithCard(page, 'Queued', { front: 'uno', back: 'one' });
	for (const [front, back] of [['dos', 'two'], ['tres', 'three']]) {
		await page.getByRole('textbox', { name: 'Front' }).fill(front!);
		await page.getByRole('textbox', { name: 'Back' }).fill(back!);
		await page.getByRole('button', { name: 'Add 1 card' }).click();
		await expect(page.getByRole('textbox', { name: 'Front' })).toHaveValue('');
	}
	await page.goto('/study/queued');
	const front = page.getByRole('group', { name: 'Front' });
	await expect(front).toHaveText('uno');
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const open = indexedDB.open('recall');
				open.onsuccess = () => {
					const held = window as unknown as LockWindow;
					held.fuzzHold = () => {
						let released = false;
						const store = open.result.transaction('cards', 'readwrite').objectStore('cards');
						const keepAlive = () => {
							if (!released) store.count().onsuccess = keepAlive;
						};
						keepAlive();
						held.fuzzRelease = () => (released = true);
					};
					resolve();
				};
			})
	);
	await page.keyboard.press('Space');

	// Good on "uno" is held on its way to the disk: "dos" shows at once, and Hard on it waits its turn.
	await holdCards(page);
	await page.keyboard.press('3');
	await expect(front).toHaveText('dos');
	await page.keyboard.press('Space');
	await page.keyboard.press('2');

	// As soon as "uno" is stored and the study area is no longer busy, the disk is slow again.
	await page.evaluate(() => {
		const held = window as unknown as LockWindow;
		const study = document.querySelector('.study')!;
		const seen = new MutationObserver(() => {
			const next = document.querySelector('[role="group"][aria-label="Front"]')?.textContent?.trim();
			if (study.getAttribute('aria-busy') === 'true' && next === 'dos') return;
			seen.disconnect();
			held.fuzzRelease!();
			held.fuzzHold();
			held.fuzzIdleSeen = true;
		});
		seen.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
		held.fuzzRelease!();
	});
	await expect.poll(() => page.evaluate(() => (window as unknown as LockWindow).fuzzIdleSeen)).toBe(true);
	// A second grade for "dos", pressed before it moved on: Hard was given first, and is the answer.
	await page.keyboard.press('4');
	await page.evaluate(() => (window as unknown as LockWindow).fuzzRelease!());
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

	const grades = await page.evaluate(
		() =>
			new Promise<[string, number][]>((resolve) => {
				const open = indexedDB.open('recall');
				open.onsuccess = () => {
					const read = open.result.transaction('reviews').objectStore('reviews').getAll();
					read.onsuccess = () => resolve((read.result as { card: string; grade: number; reviewedAt: number }[]).sort((a, b) => a.reviewedAt - b.reviewedAt).map((row) => [row.card, row.grade]));
				};
			})
	);
	expect(grades.map(([, grade]) => grade)).toEqual([4, 3]);
	expect(errors).toEqual([]);
});
