import fc from 'fast-check';
import { fencedBlock, inlineCode, logLine, neutraliseMentions, plainText } from '../../src/core/markdown.js';

const MENTION = /@[A-Za-z0-9_-]/;
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        '`',
        '``',
        '@',
        'apache/pmc',
        '[x](https://e.example)',
        '<img src=x>',
        '\n',
        '::',
        '|',
        ' ',
        'a',
      ),
    )
    .map((parts) => parts.join('')),
);

describe('inlineCode', () => {
  test('examples', () => {
    expect(inlineCode('abc')).toBe('`abc`');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('ping @apache/pmc')).toBe('`ping @\u200dapache/pmc`');
  });

  test('property: the text cannot close the fence, spans one line and mentions nobody', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const quoted = inlineCode(text);
        const fence = /^`+/.exec(quoted)?.[0] ?? '';
        expect(quoted.endsWith(fence)).toBe(true);
        const inner = quoted.slice(fence.length, quoted.length - fence.length);
        for (const run of inner.match(/`+/g) ?? []) expect(run.length).toBeLessThan(fence.length);
        expect(quoted).not.toMatch(/[\r\n]/);
        expect(quoted).not.toMatch(MENTION);
      }),
    );
  });
});

describe('plainText', () => {
  test('examples', () => {
    expect(plainText('[click](https://evil)')).toBe('\\[click\\]\\(https://evil\\)');
    expect(plainText('<b>@team</b>')).toBe('&lt;b\\>@\u200dteam&lt;/b\\>');
    // Hyphens carry no meaning mid-line: input names stay readable and searchable in the comment.
    expect(plainText('`image-repository` "a; rm -rf /"')).toBe('\\`image-repository\\` "a; rm -rf /"');
  });

  test('property: no markup character is left unescaped, no mention, one line', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const plain = plainText(text);
        // Every markup character is preceded by a backslash (an odd run of backslashes).
        expect(plain).not.toMatch(/(^|[^\\])(\\\\)*[`*_[\]()#!|~>]/);
        expect(plain).not.toContain('<');
        expect(plain).not.toMatch(MENTION);
        expect(plain).not.toMatch(/[\r\n]/);
      }),
    );
  });
});

describe('fencedBlock', () => {
  test('property: no line closes the fence early', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 8 }), (lines) => {
        const block = fencedBlock(lines.flatMap((line) => line.split('\n'))).split('\n');
        const fence = /^`+/.exec(block[0] ?? '')?.[0] ?? '';
        expect(fence.length).toBeGreaterThanOrEqual(3);
        expect(block.at(-1)).toBe(fence);
        for (const line of block.slice(1, -1)) expect(line.trimStart().startsWith(fence)).toBe(false);
        for (const line of block.slice(1, -1)) expect(line).not.toMatch(MENTION);
      }),
    );
  });
});

describe('logLine', () => {
  test('property: never a workflow command, always one line', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const line = logLine(text);
        expect(line.trimStart().startsWith('::')).toBe(false);
        expect(line).not.toMatch(/[\r\n]/);
      }),
    );
  });

  test('neutraliseMentions keeps the text readable', () => {
    expect(neutraliseMentions('thanks @bob and a@b')).toBe('thanks @\u200dbob and a@\u200db');
  });
});
