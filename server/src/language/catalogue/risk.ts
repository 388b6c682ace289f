/**
 * Suicide risk levels for the `risk` statement. The level is the clinician's judgement after a risk
 * assessment; the catalogue says what the plan needs at each level, not how to grade risk.
 */
import type { CatalogueEntry } from '../catalogue-types.js';

export const riskLevels: CatalogueEntry[] = [
  {
    id: 'none',
    title: 'No current risk',
    description:
      'The suicide risk assessment found no current risk. Say what was assessed, and assess again whenever new risk factors appear.',
    sources: ['S27'],
  },
  {
    id: 'low',
    title: 'Low risk',
    description:
      'The assessment found some risk, judged low. Record what was found; a safety plan is optional here but good practice. Assess again whenever new risk factors appear.',
    sources: ['S27', 'S73'],
  },
  {
    id: 'moderate',
    title: 'Moderate risk',
    description:
      'A written safety plan is required: warning signs, own coping steps, people and places for distraction, people who can help, professionals and crisis lines (988 in the US), and making lethal means less available. Do not use a no-suicide contract; it is not effective.',
    sources: ['S27', 'S73', 'S74', 'seed 003'],
  },
  {
    id: 'high',
    title: 'High risk',
    description:
      "A written safety plan is required, with crisis contacts (988 in the US) and steps to make lethal means less available; follow your service's crisis protocol. Do not use a no-suicide contract; it is not effective.",
    sources: ['S27', 'S73', 'S74', 'seed 003'],
  },
];
