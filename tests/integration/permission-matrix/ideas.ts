/** Permission-matrix rows of the idea board: ideas belong to a department and have an author, comments an author. */
import { type Fixtures, field, notFound, perAuthor, perDepartment, type Spec } from './spec';

const texts = { today: 'Parcels arrive damaged', change: 'Use sturdier boxes' };
/** An idea's ids in the own organization, by department: the first and the second of each. */
const ideaIn = (f: Fixtures, d: 'A' | 'B') => (d === 'A' ? f.ideas.own.inA : f.ideas.own.inB);
const secondIn = (f: Fixtures, d: 'A' | 'B') => (d === 'A' ? f.ideas.own.inA2 : f.ideas.own.inB2);
const otherIdea = { label: 'idea', input: (f: Fixtures) => ({ ideaId: f.ideas.other.inA }), refusal: notFound };
const everyoneOnIdea = (extra: Record<string, unknown> = {}) => ({
  own: [{ label: '', input: (f: Fixtures) => ({ ideaId: f.ideas.own.inA, ...extra }) }],
  other: [{ ...otherIdea, input: (f: Fixtures) => ({ ideaId: f.ideas.other.inA, ...extra }) }],
});

export const ideaSpecs = {
  submitIdea: {
    permission: 'idea.submit',
    own: [
      {
        label: '',
        input: (f) => ({
          title: 'Sturdier boxes',
          ...texts,
          departmentId: f.own.departmentB,
          touchpointId: f.own.touchpointId,
        }),
      },
    ],
    other: [
      {
        label: 'department',
        input: (f) => ({ title: 'Sturdier boxes', ...texts, departmentId: f.other.departmentA }),
        refusal: field('departmentId'),
      },
      {
        label: 'touchpoint',
        input: (f) => ({
          title: 'Sturdier boxes',
          ...texts,
          departmentId: f.own.departmentA,
          touchpointId: f.other.touchpointId,
        }),
        refusal: field('touchpointId'),
      },
    ],
  },
  editIdea: {
    permission: 'idea.edit',
    own: perAuthor((f, author) => ({
      ideaId: f.ideas.own.byRole[author],
      title: 'A clearer title',
      ...texts,
      departmentId: f.own.departmentA,
    })),
    other: [
      {
        label: 'idea',
        input: (f) => ({
          ideaId: f.ideas.other.inA,
          title: 'A clearer title',
          ...texts,
          departmentId: f.own.departmentA,
        }),
        refusal: notFound,
      },
    ],
  },
  withdrawIdea: {
    permission: 'idea.edit',
    own: perAuthor((f, author) => ({ ideaId: f.ideas.own.byRole[author] })),
    other: [otherIdea],
  },
  voteForIdea: { permission: 'idea.vote', ...everyoneOnIdea() },
  withdrawVote: { permission: 'idea.vote', ...everyoneOnIdea() },
  followIdea: { permission: 'follow.manage', ...everyoneOnIdea({ following: false }) },
  commentOnIdea: { permission: 'idea.comment', ...everyoneOnIdea({ body: 'Good idea' }) },
  editComment: {
    permission: 'ideaComment.edit',
    own: perAuthor((f, author) => ({ commentId: f.ideas.own.commentByRole[author], body: 'Edited' })),
    other: [
      {
        label: 'comment',
        input: (f) => ({ commentId: f.ideas.other.commentByRole.staff, body: 'Edited' }),
        refusal: notFound,
      },
    ],
  },
  removeComment: {
    permission: 'ideaComment.edit',
    own: perAuthor((f, author) => ({ commentId: f.ideas.own.commentByRole[author] })),
    other: [{ label: 'comment', input: (f) => ({ commentId: f.ideas.other.commentByRole.staff }), refusal: notFound }],
  },
  hideComment: {
    permission: 'ideaComment.hide',
    own: [{ label: '', input: (f) => ({ commentId: f.ideas.own.commentByRole.staff }) }],
    other: [{ label: 'comment', input: (f) => ({ commentId: f.ideas.other.commentByRole.staff }), refusal: notFound }],
  },
  showComment: {
    permission: 'ideaComment.hide',
    own: [{ label: '', input: (f) => ({ commentId: f.ideas.own.commentByRole.staff }) }],
    other: [{ label: 'comment', input: (f) => ({ commentId: f.ideas.other.commentByRole.staff }), refusal: notFound }],
  },
  changeIdeaStatus: {
    permission: 'idea.triage',
    own: perDepartment((f, d) => ({ ideaId: ideaIn(f, d), status: 'under_review', reply: 'We are looking at it' })),
    other: [{ ...otherIdea, input: (f) => ({ ideaId: f.ideas.other.inA, status: 'under_review' }) }],
  },
  mergeIdea: {
    permission: 'idea.merge',
    own: perDepartment((f, d) => ({ ideaId: ideaIn(f, d), intoIdeaId: secondIn(f, d) })),
    other: [
      { label: 'idea', input: (f) => ({ ideaId: f.ideas.other.inA, intoIdeaId: f.ideas.own.inA2 }), refusal: notFound },
      {
        label: 'idea it goes into',
        input: (f) => ({ ideaId: f.ideas.own.inA, intoIdeaId: f.ideas.other.inA2 }),
        refusal: field('intoIdeaId'),
      },
    ],
  },
} satisfies Record<string, Spec>;
