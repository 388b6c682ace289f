/** Plans written for the formatter tests (canonical layout, with every kind of comment). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const sharedExamplesDir = path.resolve(repoRoot, '..', 'shared', 'design', 'examples');
export const samplesDir = path.join(repoRoot, 'samples');

/** A canonical plan: leading comment block, own-line and end-of-line comments, a directive. */
export const canonicalPlan = `# Acute IPT, role dispute. The client is a code, never a name.
# Reviewed by the supervisor each month.

plan "C-0142 acute IPT" # working title
  client "C-0142"
  clinician "J. Rivera, LCSW"
  supervisor "M. Okafor, PhD"
  variant acute
  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1
  sessions 16 weekly 50min
  start 2026-02-02
  # Headers end here.

# The focus was agreed in session 3.
focus role-dispute "Escalating conflict with partner about \\"caring\\" for their newborn,  twice"
  stage renegotiation
  goal G1 "Name each partner's expectations about caregiving roles"
  goal G2 "State needs calmly during disagreements"

measure PHQ-9 every 4
# HAM-D is clinician-rated.
measure HAM-D at 1, 16

risk low "Passive thoughts of death at intake; no plan or intent"
  safety-plan "Warning signs, coping steps and contacts agreed in session 1; crisis line 988"

phase initial sessions 1-3
  session 1 "Assessment, diagnosis and the sick role"
    task symptom-review, sick-role, medication-review
    score PHQ-9 18 # baseline
  session 2 "Interpersonal inventory"
    task interpersonal-inventory
  session 3 "Formulation and treatment contract"
    task formulation, treatment-contract
    # The contract was signed.

phase middle sessions 4-13
  session 4-7 "Clarify the dispute and each side's expectations"
    technique communication-analysis, clarification, encouragement-of-affect
    targets G1
  # Role play starts once the dispute is clear.
  session 8-13 "Rehearse new ways to negotiate"
    technique role-play, decision-analysis
    targets G2
    # ipt-disable-next-line phi -- a clinic line, not the client's
    homework "One ten-minute check-in with partner each week"

phase termination sessions 14-16
  session 14 "Review progress"
    task review-progress
  session 15 "Relapse warning signs"
    task relapse-prevention
  session 16 "Ending and next steps"
    task discuss-ending, maintenance-plan
    # End of plan.
`;

/** `.ipt` files of a folder (none when it is absent). */
export function iptFiles(dir: string): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ipt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}
