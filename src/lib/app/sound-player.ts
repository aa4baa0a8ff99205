/**
 * The page's one player of card sounds (`[sound:name]`, render/card-html.ts): a side's sounds one after another, as
 * Anki plays them, and never two at once (a new play, or leaving the card, stops what plays). One `<audio>` element,
 * hidden in the page, whose src is only ever a stored file's blob URL (media-urls). A browser may refuse to play
 * before the learner has touched the page (autoplay): that is no error, the play button still works.
 */
import { mediaUrls } from './media-urls.svelte';

class SoundPlayer {
	#audio: HTMLAudioElement | undefined;
	/** Bumped by each play and stop: a sequence whose turn is over stops where it is. */
	#turn = 0;
	/** Ends the wait for the sound playing now (its end, an error, or a stop). */
	#finish: (() => void) | undefined;
	/** Who started what plays now, if it said (`play`'s `owner`): what `stopFor` stops. */
	#owner: object | undefined;

	#element(): HTMLAudioElement {
		if (this.#audio === undefined || !this.#audio.isConnected) {
			const audio = document.createElement('audio');
			audio.hidden = true;
			audio.preload = 'auto';
			audio.dataset.cardSoundPlayer = '';
			document.body.append(audio);
			this.#audio = audio;
		}
		return this.#audio;
	}

	/**
	 * Plays the stored sounds named, in order, after stopping whatever plays; a name not stored is passed over.
	 * `owner` is what started them (a card side), which `stopFor` names when it goes away.
	 */
	async play(names: readonly string[], owner?: object): Promise<void> {
		this.stop();
		this.#owner = owner;
		const turn = this.#turn;
		for (const name of names) {
			const url = await mediaUrls.load(name);
			if (turn !== this.#turn) return;
			if (url === undefined) continue;
			if (!(await this.#playOne(url, turn))) return;
		}
	}

	/** Stops the sounds `owner` started, if they are what plays now: a side that goes away silences only its own. */
	stopFor(owner: object): void {
		if (this.#owner === owner) this.stop();
	}

	/** Stops the sound playing and the rest of its sequence. */
	stop(): void {
		this.#owner = undefined;
		this.#turn += 1;
		this.#finish?.();
		this.#finish = undefined;
		if (this.#audio !== undefined && !this.#audio.paused) this.#audio.pause();
	}

	/** Plays one sound to its end: false when it could not start (autoplay refused, say) or was stopped. */
	async #playOne(url: string, turn: number): Promise<boolean> {
		const audio = this.#element();
		let stopWaiting = () => {};
		const ended = new Promise<boolean>((resolve) => {
			const done = (finished: boolean) => {
				audio.removeEventListener('ended', onEnd);
				audio.removeEventListener('error', onError);
				resolve(finished && turn === this.#turn);
			};
			const onEnd = () => done(true);
			// A file the browser cannot decode: the next one still plays.
			const onError = () => done(true);
			audio.addEventListener('ended', onEnd);
			audio.addEventListener('error', onError);
			stopWaiting = () => done(false);
		});
		this.#finish = stopWaiting;
		if (audio.src !== url) audio.src = url;
		audio.currentTime = 0;
		try {
			await audio.play();
		} catch {
			// Refused before a user gesture, or interrupted by a stop: quietly, the button plays it.
			stopWaiting();
			return false;
		}
		return ended;
	}
}

export const soundPlayer = new SoundPlayer();
