// Quoting text that people wrote (a command line, a label name) into what GitHub renders: comments, job summaries,
// Slack messages and log lines. Only writers' text is ever quoted (a non-writer's is not echoed at all), and even a
// writer's must not be able to open a link, ping a team, break a table or a fence, or start a workflow command.
// Pure.

/** Zero-width joiner: keeps `@team` readable while GitHub no longer sees a mention in it. */
const ZWJ = '\u200d';

/** Control characters and line breaks become spaces: quoted text stays on one line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

/** @mentions (people, teams) that cannot notify anyone. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`);
}

/**
 * `text` as inline code: a backtick fence longer than any backtick run inside, so the text cannot close it. Inside
 * code GitHub renders no link, emphasis, HTML or mention; the mention is neutralised anyway, for Slack and e-mail.
 */
export function inlineCode(text: string): string {
  const flat = neutraliseMentions(oneLine(text));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * `text` as plain words: every character that can open a link, an image, emphasis, code, a table cell or HTML is
 * escaped, mentions neutralised. `-`, `+` and `{}` stay as they are: on one line after other words they mean nothing,
 * and the option names people search for (`image-repository`) stay searchable in the comment.
 */
export function plainText(text: string): string {
  const escaped = oneLine(text)
    .replace(/[\\`*_[\]()#!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
  return neutraliseMentions(escaped);
}

/** Lines as a fenced code block that no line can close (the fence is longer than any backtick run in them). */
export function fencedBlock(lines: readonly string[]): string {
  const body = lines.map((line) => line.replace(/\r/g, ''));
  const longest = Math.max(2, ...body.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, ...body.map(neutraliseMentions), fence].join('\n');
}

/** A line for the workflow log: a leading `::` would be read by the runner as a workflow command. */
export function logLine(text: string): string {
  return oneLine(text).replace(/^(\s*)::/, '$1: :');
}
