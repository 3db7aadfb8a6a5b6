// The GitHub Action's pull-request comment: `gtmlint diff --format markdown`, posted once and
// updated in place on every later push (found again by the marker on its first line), so that a
// pull request carries one current account of what it does. Run by actions/github-script.
// Usage (github-script): await require(`${ACTION_PATH}/scripts/pr-comment.js`)({ github, context, body })
const MARKER = '<!-- gtmlint diff -->';

module.exports = async function comment({ github, context, body }) {
  const issue = context.payload.pull_request && context.payload.pull_request.number;
  if (!issue) return 'not a pull request';
  const { owner, repo } = context.repo;
  const text = `${MARKER}\n${body}`;
  const comments = await github.paginate(github.rest.issues.listComments, {
    owner, repo, issue_number: issue, per_page: 100,
  });
  const mine = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER));
  if (mine) {
    if (mine.body === text) return 'unchanged';
    await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: text });
    return 'updated';
  }
  await github.rest.issues.createComment({ owner, repo, issue_number: issue, body: text });
  return 'created';
};
