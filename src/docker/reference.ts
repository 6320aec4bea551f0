// Docker image references, checked against the grammar of the distribution project (the one docker and BuildKit
// use), so a bad input is refused with a clear message before docker is ever run. Pure, never throws.

/** A reference split into its parts; `domain` is absent for Docker Hub short names such as `apache/superset`. */
export interface DockerReference {
  domain?: string;
  /** The repository path: lowercase components separated by `/`. */
  path: string;
  tag?: string;
  digest?: string;
}

/** The accepted forms, worded for people. */
export const REFERENCE_FORMS = {
  repository:
    'an image repository without tag, e.g. apache/superset or ghcr.io/apache/superset (lowercase letters, digits and . _ - separators)',
  cacheRef: 'an image reference for the registry cache, e.g. ghcr.io/apache/superset-cache:showtime',
  image:
    'an image reference with a tag or a digest, e.g. apache/superset:4.1.0 or apache/superset@sha256:<64 hex>',
} as const;

/** Docker's own limit on the name (domain and path); references are also capped as a whole before any regex runs. */
export const MAX_NAME_LENGTH = 255;
const MAX_REFERENCE_LENGTH = 512;

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const PORT = /^[0-9]{1,5}$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Splits and checks a reference; undefined when `text` is not one. */
export function parseDockerReference(text: string): DockerReference | undefined {
  if (text.length === 0 || text.length > MAX_REFERENCE_LENGTH) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  // A colon after the last slash is a tag; one before it belongs to the registry's port.
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  if (rest.length === 0 || rest.length > MAX_NAME_LENGTH) return undefined;
  const components = rest.split('/');
  let domain: string | undefined;
  const first = components[0] ?? '';
  // The rule docker applies: the first component names a registry when it looks like a host.
  if (
    components.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())
  ) {
    if (!isDomain(first)) return undefined;
    domain = first;
    components.shift();
  }
  if (!components.every((c) => PATH_COMPONENT.test(c))) return undefined;
  const reference: DockerReference = { path: components.join('/') };
  if (domain !== undefined) reference.domain = domain;
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

function isDomain(text: string): boolean {
  let host = text;
  const portAt = text.lastIndexOf(':');
  if (portAt > text.lastIndexOf(']')) {
    if (!PORT.test(text.slice(portAt + 1))) return false;
    host = text.slice(0, portAt);
  }
  if (IPV6_HOST.test(host)) return true;
  return host.length > 0 && host.split('.').every((c) => DOMAIN_COMPONENT.test(c));
}

/** A repository to push to: a name with neither tag nor digest. */
export function isRepository(text: string): boolean {
  const reference = parseDockerReference(text);
  return reference !== undefined && reference.tag === undefined && reference.digest === undefined;
}

/** A registry cache location: a name with an optional tag, no digest (a cache is overwritten in place). */
export function isCacheRef(text: string): boolean {
  const reference = parseDockerReference(text);
  return reference !== undefined && reference.digest === undefined;
}

/** An image to deploy as it is: it must say which one, by tag or digest (no implicit `latest`). */
export function isPinnedImage(text: string): boolean {
  const reference = parseDockerReference(text);
  return reference !== undefined && (reference.tag !== undefined || reference.digest !== undefined);
}
