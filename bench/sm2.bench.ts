import { NEW_CARD, sm2, type Grade, type Sm2State } from '../src/lib/srs/sm2';
import { bestThroughput, seededRandom, type Benchmark } from './harness';

const GRADES = 1_000_000;
const CARDS = 1_000;

function randomGrades(count: number): Grade[] {
	const random = seededRandom(2);
	return Array.from({ length: count }, () => Math.floor(random() * 6) as Grade);
}

export const benchmarks: Benchmark[] = [
	{
		name: 'sm2 grades per second (1,000,000 random grades over 1,000 cards)',
		unit: 'grades/s',
		// Rough floor: a day of heavy study is a few hundred grades; a full
		// refold of a 1,000,000-row log should take well under a second.
		target: { min: 1_000_000 },
		run() {
			const grades = randomGrades(GRADES);
			return bestThroughput(5, () => {
				const states: Sm2State[] = new Array<Sm2State>(CARDS).fill(NEW_CARD);
				for (let i = 0; i < grades.length; i++) {
					const card = i % CARDS;
					states[card] = sm2(states[card] as Sm2State, grades[i] as Grade);
				}
				return grades.length;
			});
		}
	}
];
