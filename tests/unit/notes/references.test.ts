import { describe, expect, it } from 'vitest';
import { cards, generate } from './helpers';

const STEPS_KO = '## 배포 방법\n1. 코드를 빌드한다\n2. 테스트를 실행한다\n3. 서버에 업로드한다\n';
const STEPS_EN = '## Deploying\n1. Build the code\n2. Run the tests\n3. Upload to the server\n';
const made = (note: string) => cards(note).map((card) => `${card.rule} ${card.front} → ${card.back}`);

describe('a list of references after steps', () => {
	const stepsKo = 'steps 배포 방법: 단계를 순서대로 → 1. 코드를 빌드한다\n2. 테스트를 실행한다\n3. 서버에 업로드한다';
	const stepsEn = 'steps Deploying: the steps in order → 1. Build the code\n2. Run the tests\n3. Upload to the server';

	it('is no step and no card of links, written under a plain, bold or colon title', () => {
		for (const references of [
			'\n참고:\n- [AWS 공식 문서](https://docs.aws.amazon.com)\n- [[CI 파이프라인]]\n',
			'\n관련 링크\n- https://docs.aws.amazon.com\n- [[CI 파이프라인]]\n',
			'\n**참고 자료**\n- [AWS 공식 문서](https://docs.aws.amazon.com)\n'
		]) {
			expect(made(STEPS_KO + references), references).toEqual([stepsKo]);
			expect(generate(STEPS_KO + references).report.uncovered, references).toEqual([]);
		}
		for (const references of ['\nSee also:\n- [Docs](https://example.com/docs)\n- [[Rollback]]\n', '\n**See also**\n- [Docs](https://example.com/docs)\n- [[Rollback]]\n']) {
			expect(made(STEPS_EN + references), references).toEqual([stepsEn]);
		}
	});

	it('is no step written as the last numbered item, nor a definition written as an item or a line', () => {
		expect(made(`${STEPS_KO}4. 참고\n   - [AWS 공식 문서](https://docs.aws.amazon.com)\n`)).toEqual([stepsKo]);
		expect(made(`${STEPS_EN}- See also: [[Rollback]]\n- [Docs](https://example.com/docs)\n`)).toEqual([stepsEn]);
		expect(made(`${STEPS_EN}\nSee also: [[Rollback]], [[Monitoring]]\n`)).toEqual([stepsEn]);
		expect(made(`${STEPS_KO}\n참고: [AWS 문서](https://docs.aws.amazon.com)\n`)).toEqual([stepsKo]);
	});

	it('in the middle of a list leaves out that item and its links alone: the steps and points after it are kept', () => {
		const steps = made('## 배포 방법\n1. 코드를 작성한다\n2. 참고: [PR 가이드](https://example.com/pr)\n3. 리뷰를 요청한다\n4. 머지한다\n');
		expect(steps).toEqual(['steps 배포 방법: 단계를 순서대로 → 1. 코드를 작성한다\n2. 리뷰를 요청한다\n3. 머지한다']);
		const points = made('## Redis\n- 빠름\n- See also: [[Caching]]\n- [Docs](https://example.com/docs)\n- 확장 쉬움\n');
		expect(points.join('\n')).toContain('확장 쉬움');
		expect(points.join('\n')).not.toContain('Docs');
	});

	it('is on no card under a heading of references', () => {
		const note = `${STEPS_KO}\n### 참고\n- [AWS 공식 문서](https://docs.aws.amazon.com)\n- https://example.com\n`;
		expect(made(note)).toEqual([stepsKo]);
	});

	it('keeps what is no reference: notes under 참고, a topic named Resources, definitions of linked terms', () => {
		// Notes of the procedure under `참고:` are its label's card, as under `**참고**`.
		expect(made(`${STEPS_KO}\n참고:\n- 관리자 권한이 필요하다\n- 야간에는 배포하지 않는다\n`)).toEqual([stepsKo, 'list 참고 → - 관리자 권한이 필요하다\n- 야간에는 배포하지 않는다']);
		expect(made('## OS\nResources:\n- CPU\n- memory\n- disk\n')).toEqual(['list Resources → - CPU\n- memory\n- disk']);
		expect(made('## 전송 계층\n- [TCP](https://en.wikipedia.org/wiki/TCP): 연결형\n- [UDP](https://en.wikipedia.org/wiki/UDP): 비연결형\n')).toEqual(['definition TCP → 연결형', 'definition UDP → 비연결형']);
		// A line that mentions where to look among other words is prose.
		expect(made('## 배포\n참고로 관리자 권한이 필요하다: 없으면 실패한다\n')).toHaveLength(1);
	});
});
