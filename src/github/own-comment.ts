// Which comments are the action's own. The status comment (and the sweep's expiry notice) is found by a hidden
// marker, and anyone who can comment can write that marker: a comment counts only when the action's identity wrote
// it, or the action would take over, and keep editing, a comment whose author can change it afterwards.
//
// How the action knows its identity: it runs with an installation token (GITHUB_TOKEN is the GitHub Actions app's,
// `github-actions[bot]`; a GitHub App token is `<app-slug>[bot]`). Neither can read its own login over REST (GET /user
// answers 403 to installation tokens, GET /app needs the App's private key), so the adapter learns it from the
// `user` of the first comment it creates and, until then, accepts only bot accounts. That is sound because a person
// can never author as a `[bot]` (a personal token writes as `type: User`), and the only bots that can comment on a
// repository are Apps its admins installed, GitHub Actions included.

export interface CommentAuthor {
  login: string;
  /** GitHub's `user.type`: `Bot` for App and GitHub Actions identities, `User` for people. */
  type?: string;
}

/** True when `author` wrote the comment as the action: the known identity, or else any App bot account. */
export function isOwnComment(author: CommentAuthor, identity?: string): boolean {
  const bot = author.login.endsWith('[bot]') && (author.type === undefined || author.type === 'Bot');
  if (!bot) return false;
  return identity === undefined || author.login.toLowerCase() === identity.toLowerCase();
}
