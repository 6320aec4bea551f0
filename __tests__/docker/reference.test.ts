import fc from 'fast-check';
import {
  MAX_NAME_LENGTH,
  isCacheRef,
  isPinnedImage,
  isRepository,
  parseDockerReference,
} from '../../src/docker/reference.js';
import type { DockerReference } from '../../src/docker/reference.js';

const DIGEST = `sha256:${'a1'.repeat(32)}`;

describe('parseDockerReference accepts', () => {
  test.each<[string, DockerReference]>([
    ['superset', { path: 'superset' }],
    ['apache/superset', { path: 'apache/superset' }],
    ['apache/superset:pr-123-abc123f-ci', { path: 'apache/superset', tag: 'pr-123-abc123f-ci' }],
    ['apache/superset:Latest_1.0', { path: 'apache/superset', tag: 'Latest_1.0' }],
    [`apache/superset@${DIGEST}`, { path: 'apache/superset', digest: DIGEST }],
    [`apache/superset:4.1@${DIGEST}`, { path: 'apache/superset', tag: '4.1', digest: DIGEST }],
    ['ghcr.io/apache/superset', { domain: 'ghcr.io', path: 'apache/superset' }],
    ['localhost/superset', { domain: 'localhost', path: 'superset' }],
    ['localhost:5000/superset:ci', { domain: 'localhost:5000', path: 'superset', tag: 'ci' }],
    [
      '123456789012.dkr.ecr.us-west-2.amazonaws.com/superset-ci',
      { domain: '123456789012.dkr.ecr.us-west-2.amazonaws.com', path: 'superset-ci' },
    ],
    ['Registry/superset', { domain: 'Registry', path: 'superset' }],
    ['[::1]:5000/superset', { domain: '[::1]:5000', path: 'superset' }],
    ['a/b.c/d__e/f---g/h_i', { path: 'a/b.c/d__e/f---g/h_i' }],
  ])('%s', (text, expected) => {
    expect(parseDockerReference(text)).toEqual(expected);
  });
});

describe('parseDockerReference refuses', () => {
  test.each([
    [''],
    ['Apache/Superset'],
    ['apache/Superset'],
    ['apache//superset'],
    ['apache/superset/'],
    ['/apache/superset'],
    ['apache/-superset'],
    ['apache/superset-'],
    ['apache/super___set'],
    ['apache/superset:'],
    ['apache/superset:-tag'],
    [`apache/superset:${'t'.repeat(129)}`],
    ['apache/superset:a:b'],
    ['apache/superset@sha256:abc'],
    ['apache/superset@'],
    ['apache superset'],
    ['apache/superset\n'],
    ['--push'],
    ['-apache/superset'],
    ['apache/superset,type=local'],
    ['ghcr.io:port/superset'],
    ['ghcr.io:123456/superset'],
    ['-ghcr.io/superset'],
    ['gh_cr.io/superset'],
    [':5000/superset'],
    [`a/${'b'.repeat(MAX_NAME_LENGTH)}`],
    ['x'.repeat(600)],
    // Longer than any real reference: refused before a regex looks at it.
    [`apache/superset@sha256:${'0'.repeat(600)}`],
  ])('%j', (text) => {
    expect(parseDockerReference(text)).toBeUndefined();
  });
});

describe('the three uses of a reference', () => {
  test.each([
    ['apache/superset', true, true, false],
    ['apache/superset:ci', false, true, true],
    [`apache/superset@${DIGEST}`, false, false, true],
    ['not a ref', false, false, false],
  ])('%s → repository %s, cache %s, pinned image %s', (text, repository, cache, pinned) => {
    expect(isRepository(text)).toBe(repository);
    expect(isCacheRef(text)).toBe(cache);
    expect(isPinnedImage(text)).toBe(pinned);
  });
});

describe('parseDockerReference properties', () => {
  test('never throws and never accepts whitespace, commas or a leading dash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const reference = parseDockerReference(text);
        if (reference !== undefined) {
          expect(text).not.toMatch(/[\s,]/);
          expect(text.startsWith('-')).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('a name:tag built from valid parts parses back to its parts', () => {
    const component = fc.stringMatching(/^[a-z0-9]{1,8}(?:[._-][a-z0-9]{1,8}){0,2}$/);
    const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/);
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 4 }), tag, (components, t) => {
        const name = components.join('/');
        const reference = parseDockerReference(`${name}:${t}`);
        // docker reads a first component with a dot as a registry host (where `_` is not allowed).
        const host = components.length > 1 && components[0]?.includes('.');
        if (host && components[0]?.includes('_')) {
          expect(reference).toBeUndefined();
        } else {
          expect(reference?.domain).toBe(host ? components[0] : undefined);
          expect([reference?.domain, reference?.path].filter(Boolean).join('/')).toBe(name);
          expect(reference?.tag).toBe(t);
        }
      }),
    );
  });
});
