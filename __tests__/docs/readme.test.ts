// The README against the code it documents: labels, commands, names of inputs, actions and reasons, and links.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  COMMAND_PREFIX,
  COMMAND_PREFIX_ALIAS,
  COMMAND_SPECS,
  COMMAND_USAGE,
} from '../../src/core/commands.js';
import { DEFAULT_SIZE_PRESETS } from '../../src/aws/settings.js';
import * as labels from '../../src/core/labels.js';
import { REASONS } from '../../src/core/planner.js';
import { ACTIONS, SIZES, STATUSES } from '../../src/core/types.js';
import { INPUTS, OUTPUTS } from '../../src/inputs.js';

const README = readFileSync('README.md', 'utf8');

/** Every label text labels.ts exports: string constants and the emoji of each field and pointer. */
const LABEL_TEXTS: [string, string][] = [
  ...Object.entries(labels as Record<string, unknown>).flatMap(([name, value]): [string, string][] =>
    typeof value === 'string' ? [[name, value]] : [],
  ),
  ...Object.entries(labels.EMOJI).map(([name, emoji]): [string, string] => [`EMOJI.${name}`, emoji]),
];

describe('labels', () => {
  test('labels.ts exports the constants this test expects to find', () => {
    expect(LABEL_TEXTS.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'TRIGGER_START',
        'TRIGGER_STOP',
        'FREEZE',
        'BLOCKED',
        'LEGACY_TRIGGER',
        'TRACKED',
      ]),
    );
  });

  test.each(LABEL_TEXTS)('%s (%s) is documented', (_name, text) => {
    expect(README).toContain(text);
  });

  test.each([...STATUSES, ...SIZES].map((word) => [word]))('`%s` is documented', (word) => {
    expect(README).toContain(`\`${word}\``);
  });

  test.each(SIZES.map((size) => [size]))('the CPU and memory of `%s` match the defaults', (size) => {
    const { cpu, memory } = DEFAULT_SIZE_PRESETS[size];
    expect(README).toContain(`\`${size}\` ${cpu / 1024} vCPU and ${memory / 1024} GiB`);
  });

  // The limits are stated as numbers in the prose; a change of the code must change the README.
  test('states the 50-character rule with the numbers the code uses', () => {
    expect(README).toContain(`longer than ${labels.LABEL_MAX_LENGTH} characters`);
    expect(README).toContain(`longer than ${labels.REQUESTER_MAX_LENGTH} characters`);
    expect(README).toContain(`first ${labels.REQUESTER_MAX_LENGTH - 1} characters followed by \`…\``);
    expect(labels.shortenRequester('a'.repeat(labels.REQUESTER_MAX_LENGTH + 1))).toBe(
      `${'a'.repeat(labels.REQUESTER_MAX_LENGTH - 1)}…`,
    );
  });

  test('every label in the README example parses as the SHA-first form', () => {
    const example = /```text\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    const lines = example.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const parsed = labels.parseLabel(line);
      expect({ line, kind: parsed.kind }).not.toEqual({
        line,
        kind: expect.stringMatching(/foreign|malformed/),
      });
      if ('form' in parsed) expect({ line, form: parsed.form }).toEqual({ line, form: 'sha-first' });
      expect(labels.labelLength(line)).toBeLessThanOrEqual(labels.LABEL_MAX_LENGTH);
    }
  });
});

describe('commands', () => {
  test('the command reference is COMMAND_USAGE, verbatim', () => {
    expect(README).toContain(COMMAND_USAGE);
  });

  test.each(COMMAND_SPECS.flatMap((spec) => [spec.name, ...spec.aliases]).map((word) => [word]))(
    '%s is documented',
    (word) => {
      expect(README).toMatch(new RegExp(`\`${COMMAND_PREFIX} ${word}[\` ]|\\(alias \`${word}\`\\)`));
    },
  );

  test('the alias prefix is documented', () => {
    expect(README).toContain(`\`${COMMAND_PREFIX_ALIAS}\``);
  });
});

describe('names in backticks', () => {
  // Hyphenated words in backticks are inputs, outputs, planner actions or reasons; anything else is listed here.
  const OTHER = new Set([
    'testenv-up',
    'persist-credentials',
    'docker-registry',
    'fonts-noto-color-emoji',
    'allow-unsafe-pr-checkout',
    'role-to-assume',
    'ecs-tasks',
    'managed-by',
    'id-token',
    'superset-ci',
    // The stack's default PR image repository and cleanup environment (aws/showtime-stack.yml).
    'superset-showtime-pr',
    'showtime-cleanup',
  ]);
  const KNOWN = new Set<string>([
    ...INPUTS.map((input) => input.name),
    ...OUTPUTS.map((output) => output.name),
    ...ACTIONS,
    ...REASONS,
    ...OTHER,
  ]);
  const words = [...README.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((match) => match[1] ?? '');

  test('the README names some', () => {
    expect(words.length).toBeGreaterThan(10);
  });

  test.each([...new Set(words)].map((word) => [word]))('`%s` exists', (word) => {
    expect(KNOWN.has(word) ? word : `unknown: ${word}`).toBe(word);
  });
});

describe('links', () => {
  const links = [...README.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
  const relative = links.filter((link) => !/^[a-z]+:/i.test(link));

  /** GitHub's heading anchors: lowercase, punctuation and emoji dropped, spaces to hyphens. */
  function slug(heading: string): string {
    return heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-');
  }
  const anchors = new Set(
    [...README.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug((match[1] ?? '').replace(/`/g, ''))),
  );

  test('there are relative links to check', () => {
    expect(relative.length).toBeGreaterThan(5);
  });

  test.each(relative.map((link) => [link]))('%s resolves', (link) => {
    const [file = '', anchor] = link.split('#');
    if (file !== '')
      expect({ link, exists: existsSync(path.normalize(file)) }).toEqual({ link, exists: true });
    if (anchor !== undefined && file === '') {
      expect({ link, anchor: anchors.has(anchor) }).toEqual({ link, anchor: true });
    }
  });

  test.each([
    ['Security model', 'security-model'],
    ['Older label forms (migration)', 'older-label-forms-migration'],
    ['Migrating from the testenv-up workflow', 'migrating-from-the-testenv-up-workflow'],
    ['🎪 superset-showtime', 'superset-showtime'],
  ])('slug(%j) = %s', (heading, expected) => {
    expect(slug(heading)).toBe(expected);
  });
});

describe('the README', () => {
  // Adopters first: what it does, the picture, the workflows, before any contributor's command.
  test("starts with what it does, the picture and how to use it; the contributors' quick start comes later", () => {
    const heads = [...README.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(heads[0]).toBe('Use it');
    expect(README.indexOf('![')).toBeLessThan(README.indexOf('## Use it'));
    expect(heads.indexOf('Contributing: quick start')).toBeGreaterThan(heads.indexOf('Inputs and outputs'));
  });
});

describe('quick start', () => {
  test('is the two commands', () => {
    const block = /## Contributing: quick start\n\n```bash\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    expect(
      block
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('#')[0]?.trim()),
    ).toEqual(['npm ci && npm run demo', 'npm test']);
    expect(README).not.toMatch(/placeholder/i);
  });

  test('keeps a Figures section for the benchmarks', () => {
    expect(README).toMatch(/^## Figures\n\n.*`npm run bench`/m);
  });
});

describe('setup instructions match the files they describe', () => {
  const examples = ['examples/workflows/showtime.yml', 'examples/workflows/showtime-cleanup.yml'].map(
    (file) => readFileSync(file, 'utf8'),
  );
  const names = (pattern: RegExp) =>
    [
      ...new Set(examples.flatMap((text) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''))),
    ].sort();

  test.each(
    [...names(/\$\{\{[^}]*\bvars\.(\w+)/g), ...names(/\$\{\{[^}]*\bsecrets\.(\w+)/g)].map((n) => [n]),
  )('the repository variable or secret %s the examples read is documented', (name) => {
    expect(README).toContain(`\`${name}\``);
  });

  test('the stack outputs the README names exist', () => {
    const template = readFileSync('aws/showtime-stack.yml', 'utf8');
    const outputs = [...README.matchAll(/output `(\w+)`/g)].map((match) => match[1] ?? '');
    expect(outputs.length).toBeGreaterThanOrEqual(4);
    const declared = /\nOutputs:\n([\s\S]*)$/.exec(template)?.[1] ?? '';
    for (const output of outputs) expect(declared).toMatch(new RegExp(`^  ${output}:$`, 'm'));
  });
});

/** Whether the test file holds a test of that name, a `test.each` template (`%s`) included. */
function names(text: string, name: string): boolean {
  if (text.includes(name)) return true;
  const templates = [...text.matchAll(/['"`]([^'"`\n]*%s[^'"`\n]*)['"`]/g)].map((m) => m[1] ?? '');
  const escape = (part: string): string => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return templates.some((t) => new RegExp(`^${t.split('%s').map(escape).join('.+')}$`).test(name));
}

describe('security model', () => {
  // The security model and "State is never lost": every claim of either names its test.
  const section = README.slice(README.indexOf('## Security model'), README.indexOf('## Migrating from'));
  const claims = section.split('\n- ').slice(1);

  test('every claim names the test that proves it, and that test exists', () => {
    expect(claims.length).toBeGreaterThanOrEqual(8);
    for (const claim of claims) {
      const flat = claim.replace(/\s*\n\s*/g, ' ');
      const files = [...flat.matchAll(/`(__tests__\/[^`]+\.(?:test|long)\.ts)`/g)].map((m) => m[1] ?? '');
      if (!/^\*\*(Why|PR code runs|What runs)/.test(claim))
        expect({ claim: flat, files }).not.toEqual({ claim: flat, files: [] });
      for (const match of flat.matchAll(/`(__tests__\/[^`]+\.(?:test|long)\.ts)` › ((?:“[^”]+”(?:, )?)+)/g)) {
        const text = readFileSync(match[1] ?? '', 'utf8');
        for (const name of (match[2] ?? '').matchAll(/“([^”]+)”/g)) {
          expect({ file: match[1], name: name[1], found: names(text, name[1] ?? '') }).toEqual({
            file: match[1],
            name: name[1],
            found: true,
          });
        }
      }
    }
  });
});
