/**
 * A unit's own activities (issue 21) are ActivityTemplate rows with ownerUnitId set, in the routine's active version
 * so that their tasks behave like the routine's. They are never part of the routine document: every read of a
 * version's activities (the routine pages, export, drafts, planning a cycle, following a new version, reminder days,
 * the planning gaps) filters with this.
 */
export const ROUTINE_ACTIVITY = { ownerUnitId: null } as const;
