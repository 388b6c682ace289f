/** Problem areas and role-dispute stages: what a `focus` and its `stage` may name. */
import type { CatalogueEntry } from '../catalogue-types.js';

export const problemAreas: CatalogueEntry[] = [
  {
    id: 'grief',
    title: 'Grief',
    description:
      'The episode began, or persists, after the death of someone important to the client. IPT helps the mourning process and helps the client rebuild interests and relationships that can partly fill the place of the person who died.',
    sources: ['S4', 'S22', 'S31'],
  },
  {
    id: 'role-dispute',
    title: 'Role dispute',
    description:
      'An important relationship has non-reciprocal expectations — an open or hidden conflict — linked to the episode. IPT first stages the dispute (renegotiation, impasse or dissolution), then works on communication and expectations; the therapist does not push for a particular outcome.',
    sources: ['S4', 'S23', 'S24', 'S32'],
  },
  {
    id: 'role-transition',
    title: 'Role transition',
    description:
      'The client is struggling with a change in life circumstances — a new job, a move, a birth, an illness, retirement, the end of a relationship — including changes that look positive. IPT helps the client mourn the old role, see the new one in a fairer light, and build the skills and support it needs.',
    sources: ['S4', 'S9', 'S25', 'S31'],
  },
  {
    id: 'interpersonal-deficits',
    title: 'Interpersonal deficits (sensitivity)',
    description:
      'Chosen only when none of the other three areas applies: no acute life event, few attachments and long-standing isolation. IPT looks for repeating patterns in past relationships, practises skills and may use the therapeutic relationship as a sample; outcomes are poorer, so plan an alternative if the client does not improve. Stuart & Robertson and IPT UK call it interpersonal sensitivity.',
    sources: ['S26', 'S28', 'S29', 'S15'],
    aliases: ['interpersonal-sensitivity'],
  },
];

export const stages: CatalogueEntry[] = [
  {
    id: 'renegotiation',
    title: 'Renegotiation',
    description:
      'Both people know about the dispute and are actively trying to settle it. Help calm things down and improve how they communicate.',
    sources: ['S23', 'S24', 'S33'],
  },
  {
    id: 'impasse',
    title: 'Impasse',
    description:
      'Talks have stopped and resentment simmers quietly. Bring the dispute back into the open so that negotiation can start again.',
    sources: ['S23', 'S24', 'S33'],
  },
  {
    id: 'dissolution',
    title: 'Dissolution',
    description:
      'The relationship is beyond repair. Help the client end it and mourn it, much as in grief.',
    sources: ['S23', 'S24', 'S33'],
  },
];
