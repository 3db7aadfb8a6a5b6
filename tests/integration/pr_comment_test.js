// scripts/pr-comment.js against a stand-in for github-script's `github` object (the REST calls
// it makes, recorded): the first run creates the comment, later runs update that one comment in
// place, an equal body is left alone, other people's comments are never touched.
const assert = require('assert');
const comment = require(process.argv[2]);

function fakeGitHub(existing) {
  const state = { comments: existing.slice(), calls: [] };
  const rest = {
    issues: {
      listComments: async () => ({ data: state.comments }),
      createComment: async ({ body }) => {
        state.calls.push('create');
        state.comments.push({ id: 100 + state.comments.length, body });
      },
      updateComment: async ({ comment_id, body }) => {
        state.calls.push(`update ${comment_id}`);
        state.comments.find((c) => c.id === comment_id).body = body;
      },
    },
  };
  return { state, github: { rest, paginate: async (method, args) => (await method(args)).data } };
}

(async () => {
  const context = { repo: { owner: 'acme', repo: 'gtm' }, payload: { pull_request: { number: 7 } } };
  const { state, github } = fakeGitHub([{ id: 1, body: 'LGTM' }]);
  assert.strictEqual(await comment({ github, context, body: '### first' }), 'created');
  assert.strictEqual(await comment({ github, context, body: '### second' }), 'updated');
  assert.strictEqual(await comment({ github, context, body: '### second' }), 'unchanged');
  assert.deepStrictEqual(state.calls, ['create', 'update 101']);
  assert.strictEqual(state.comments.length, 2);
  assert.strictEqual(state.comments[0].body, 'LGTM');
  assert.strictEqual(state.comments[1].body, '<!-- gtmlint diff -->\n### second');
  const push = { repo: context.repo, payload: {} };
  assert.strictEqual(await comment({ github, context: push, body: 'x' }), 'not a pull request');
  console.log('pr comment: created once, updated in place, left alone when equal, others untouched');
})().catch((e) => { console.error(e); process.exit(1); });
