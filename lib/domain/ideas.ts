/**
 * The life of a staff idea: new -> under review -> accepted | declined -> in progress -> shipped. Leads and
 * executives move it along with an official reply (required to decline); its author may withdraw it while it is
 * new; a duplicate is merged into the idea that stays.
 */
export const ideaStatuses = [
  'new',
  'under_review',
  'accepted',
  'declined',
  'in_progress',
  'shipped',
  'withdrawn',
  'merged',
] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

/** The statuses a triage may set: withdrawn is the author's, merged comes with a merge. */
export const triageStatuses = ['new', 'under_review', 'accepted', 'declined', 'in_progress', 'shipped'] as const;
export type TriageStatus = (typeof triageStatuses)[number];

/** The statuses shown on the board unless asked for: withdrawn and merged ideas are out of the way. */
export const openBoardStatuses: readonly IdeaStatus[] = [
  'new',
  'under_review',
  'accepted',
  'declined',
  'in_progress',
  'shipped',
];

const forward: Record<IdeaStatus, readonly TriageStatus[]> = {
  new: ['under_review', 'accepted', 'declined'],
  under_review: ['accepted', 'declined'],
  accepted: ['in_progress', 'declined', 'under_review'],
  // A declined idea may be looked at again.
  declined: ['under_review'],
  in_progress: ['shipped', 'accepted'],
  // Shipped by logging its improvement or marking its plan item done; a shipped idea is done.
  shipped: [],
  withdrawn: [],
  merged: [],
};

/** Where a triage may move an idea from here. */
export function nextStatuses(status: IdeaStatus): readonly TriageStatus[] {
  return forward[status];
}

export function mayMove(from: IdeaStatus, to: IdeaStatus): boolean {
  return (forward[from] as readonly IdeaStatus[]).includes(to);
}

/** Whether a move needs an official reply: declining always does. */
export function replyRequired(to: IdeaStatus): boolean {
  return to === 'declined';
}

/** The author edits or withdraws an idea only while nobody has looked at it yet. */
export function authorMayChange(status: IdeaStatus): boolean {
  return status === 'new';
}

/** Ideas that take votes and comments: not once withdrawn or merged into another. */
export function isOpenForVotes(status: IdeaStatus): boolean {
  return status !== 'withdrawn' && status !== 'merged';
}

/** Whether an idea may become an improvement or a plan item now. */
export function mayBecomeChange(status: IdeaStatus): boolean {
  return status === 'new' || status === 'under_review' || status === 'accepted';
}
