/** The three phases of an IPT course. */
import type { CatalogueEntry } from '../catalogue-types.js';

export const phases: CatalogueEntry[] = [
  {
    id: 'initial',
    title: 'Initial phase',
    description:
      'Assessment and set-up, usually the first 1–3 sessions (IPT UK allows 4; brief IPT uses 2): review symptoms and make the diagnosis, give the sick role, take the interpersonal inventory, agree a formulation that names one problem area, and set the treatment contract.',
    sources: ['S2', 'S3', 'S6', 'S12'],
  },
  {
    id: 'middle',
    title: 'Middle phase',
    description:
      'The work on the chosen problem area, roughly sessions 4–12 of a 16-session course. Each session usually opens with how things have been since the last one, links mood to interpersonal events and applies the strategies of the area; repeat the symptom measure along the way.',
    sources: ['S2', 'S3', 'S6', 'S9'],
  },
  {
    id: 'termination',
    title: 'Termination phase',
    description:
      'The last few sessions: discuss the ending openly (it is a role transition in itself), review and credit the gains, name the warning signs of relapse and decide whether more treatment is needed. Its length varies between sources (UNCERTAIN): 3 sessions in a case example, 5 in group IPT-G.',
    sources: ['S7', 'S10', 'S11', 'S17'],
  },
];
