/** Outcome measures with their score ranges and, where published, severity bands (`score-range`, `measure-schedule`). */
import type { InstrumentEntry } from '../catalogue-types.js';

export const instruments: InstrumentEntry[] = [
  {
    id: 'PHQ-9',
    title: 'Patient Health Questionnaire-9',
    description:
      'Self-report depression scale: 9 items scored 0–3, total 0–27. Response is a drop of 50% or more; remission is a score under 5. Read item 9 (thoughts of death or self-harm) on its own, whatever the total.',
    sources: ['S20', 'S61', 'S62', 'S64'],
    min: 0,
    max: 27,
    bands: [
      { min: 0, max: 4, label: 'none–minimal' },
      { min: 5, max: 9, label: 'mild' },
      { min: 10, max: 14, label: 'moderate' },
      { min: 15, max: 19, label: 'moderately severe' },
      { min: 20, max: 27, label: 'severe' },
    ],
    remission: 'PHQ-9 < 5',
  },
  {
    id: 'HAM-D',
    title: 'Hamilton Depression Rating Scale (HRSD-17)',
    description:
      'Clinician-rated depression scale, total 0–52, with severity bands from a study of 627 outpatients (Zimmerman et al. 2013). Response is a drop of 50% or more from baseline; remission is usually 7 or less (some sources say under 7).',
    sources: ['S57', 'S58', 'S59', 'S60', 'S86'],
    min: 0,
    max: 52,
    bands: [
      { min: 0, max: 7, label: 'no depression' },
      { min: 8, max: 16, label: 'mild' },
      { min: 17, max: 23, label: 'moderate' },
      { min: 24, max: 52, label: 'severe' },
    ],
    remission: 'HAM-D ≤ 7',
  },
  {
    id: 'BDI-II',
    title: 'Beck Depression Inventory-II',
    description:
      'Self-report depression scale: 21 items, total 0–63. There is no fixed remission cut-off. Read item 9 (suicidal thoughts) on its own, whatever the total.',
    sources: ['S63', 'S64', 'S7'],
    min: 0,
    max: 63,
    bands: [
      { min: 0, max: 13, label: 'minimal' },
      { min: 14, max: 19, label: 'mild' },
      { min: 20, max: 28, label: 'moderate' },
      { min: 29, max: 63, label: 'severe' },
    ],
  },
  {
    id: 'EPDS',
    title: 'Edinburgh Postnatal Depression Scale',
    description:
      'Self-report scale for perinatal depression: 10 items scored 0–3, total 0–30 (items 3 and 5–10 reverse-scored). 13 or more suggests possible depression, 10 or more where more sensitivity is wanted; a change of 4 points is reliable. Read item 10 ("The thought of harming myself has occurred to me") on its own: any score above 0 calls for further assessment, whatever the total.',
    sources: ['S65', 'S108', 'S109', 'S115'],
    min: 0,
    max: 30,
  },
  {
    id: 'GAD-7',
    title: 'Generalized Anxiety Disorder-7',
    description:
      'Self-report anxiety scale: 7 items scored 0–3, total 0–21; 5, 10 and 15 mark mild, moderate and severe anxiety, and 10 or more is the usual screening cut-off. It has no self-harm item, so it does not replace a risk question; the IPT Institute training portfolio records it with the PHQ-9 every 4 sessions.',
    sources: ['S19', 'S110'],
    min: 0,
    max: 21,
    bands: [
      { min: 0, max: 4, label: 'minimal' },
      { min: 5, max: 9, label: 'mild' },
      { min: 10, max: 14, label: 'moderate' },
      { min: 15, max: 21, label: 'severe' },
    ],
  },
  {
    id: 'CDRS-R',
    title: "Children's Depression Rating Scale, Revised",
    description:
      'Clinician-rated interview for children and adolescents, modelled on the HAM-D: 17 symptom areas, total 17–113, a standard IPT-A measure. A score of 40 or more is often taken to indicate depression; adolescent trials define remission as 28 or less.',
    sources: ['S87', 'S88', 'S89', 'S90'],
    min: 17,
    max: 113,
    remission: 'CDRS-R ≤ 28',
  },
  {
    id: 'MFQ',
    title: 'Mood and Feelings Questionnaire (long form, either version)',
    description:
      'Depression questionnaire for ages 6–17, items scored 0–2: the child (self-report) form has 33 items, total 0–66, and the parent form 34, total 0–68. `MFQ` accepts either range; write `MFQ-C` or `MFQ-P` to name the form. No single cut-off is prescribed; 27 or 28 and above suggests depression in validation studies.',
    sources: ['S91', 'S92', 'S93', 'S111'],
    min: 0,
    max: 68,
  },
  {
    id: 'MFQ-C',
    title: 'Mood and Feelings Questionnaire, child (self-report) form',
    description:
      'The long MFQ as the child or adolescent fills it in: 33 items scored 0–2, total 0–66. No single cut-off is prescribed; 27 or 28 and above suggests depression in validation studies.',
    sources: ['S91', 'S92', 'S93'],
    min: 0,
    max: 66,
  },
  {
    id: 'MFQ-P',
    title: 'Mood and Feelings Questionnaire, parent form',
    description:
      "The long MFQ as the parent or carer fills it in about the child: 34 items scored 0–2, total 0–68. No single cut-off is prescribed.",
    sources: ['S91', 'S93', 'S111'],
    min: 0,
    max: 68,
  },
  {
    id: 'SMFQ',
    title: 'Short Mood and Feelings Questionnaire',
    description:
      'The 13-item short form of the MFQ, each item scored 0–2, total 0–26. No single cut-off is prescribed; 12 and above suggests depression in validation studies. It has no self-harm item, so it does not replace a risk question.',
    sources: ['S91', 'S92', 'S93'],
    min: 0,
    max: 26,
  },
];
