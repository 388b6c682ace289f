/**
 * The code systems and codes the FHIR rendering uses, each with where it was checked. Only codes
 * verified from a published source are here; everything else stays as text.
 */

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

// Local code systems for what IPT has and no standard terminology names.
export const VARIANT_SYSTEM = 'https://ipt-plan.dev/fhir/CodeSystem/ipt-variant';
export const PHASE_SYSTEM = 'https://ipt-plan.dev/fhir/CodeSystem/ipt-phase';
export const PROBLEM_AREA_SYSTEM = 'https://ipt-plan.dev/fhir/CodeSystem/ipt-problem-area';
/** The client code's identifier system when `.iptrc.json` sets none (`fhir.clientIdentifierSystem`). */
export const DEFAULT_CLIENT_IDENTIFIER_SYSTEM = 'https://ipt-plan.dev/fhir/sid/client-code';
/** The identifier system of a plan (CarePlan.identifier): its client code and start date, e.g. `C-0142/2026-01-06`. */
export const PLAN_IDENTIFIER_SYSTEM = 'https://ipt-plan.dev/fhir/sid/plan';

/**
 * US Core's CarePlan category "Assessment and Plan of Treatment", which its CarePlan profile requires
 * (US Core 3.1.1 to 8.0: the AssessPlan slice of CarePlan.category).
 */
export const US_CORE_CAREPLAN_CATEGORY: Coding = {
  system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category',
  code: 'assess-plan',
  display: 'Assessment and Plan of Treatment',
};

/** The code systems `diagnosis … code` may be in (`.iptrc.json` `fhir.diagnosisCodeSystem`). */
export type DiagnosisCodeSystem = 'icd-10' | 'icd-10-cm';
/** HL7's URIs for ICD-10 (WHO) and ICD-10-CM (United States), from the FHIR R4 terminology pages. */
export const DIAGNOSIS_SYSTEMS: Readonly<Record<DiagnosisCodeSystem, string>> = {
  'icd-10': 'http://hl7.org/fhir/sid/icd-10',
  'icd-10-cm': 'http://hl7.org/fhir/sid/icd-10-cm',
};
export const DEFAULT_DIAGNOSIS_CODE_SYSTEM: DiagnosisCodeSystem = 'icd-10';

export const LOINC_SYSTEM = 'http://loinc.org';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONDITION_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const RISK_PROBABILITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/risk-probability';

/**
 * LOINC codes of the instruments' total scores, with LOINC's display names, as listed by HL7's
 * Personal Health Records IG (ValueSet observation-scored-assessment-score-codes) and used by the
 * US Core and Medizininformatik-Initiative PRO examples. HAM-D, BDI-II and EPDS are left as text:
 * no published source we could check names one total-score code for them (for EPDS, sources
 * disagree between 99046-5 and 71354-5).
 */
export const INSTRUMENT_LOINC: Readonly<Record<string, Coding>> = {
  'PHQ-9': { system: LOINC_SYSTEM, code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
  'GAD-7': { system: LOINC_SYSTEM, code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
};

/**
 * RiskAssessment.prediction.qualitativeRisk (risk-probability, R4). `none` has no code: "negligible"
 * ("exceptionally unlikely") says more than "no risk identified", so it stays text.
 */
export const RISK_PROBABILITY: Readonly<Record<string, Coding>> = {
  low: { system: RISK_PROBABILITY_SYSTEM, code: 'low', display: 'Low likelihood' },
  moderate: { system: RISK_PROBABILITY_SYSTEM, code: 'moderate', display: 'Moderate likelihood' },
  high: { system: RISK_PROBABILITY_SYSTEM, code: 'high', display: 'High likelihood' },
};

/**
 * Condition.clinicalStatus: `remission` when the diagnosis code itself says full remission (WHO
 * ICD-10 F33.4 "currently in remission"; ICD-10-CM F32.5 and F33.42 "in full remission"), otherwise
 * `active` (the plan treats it). Partial or unspecified remission stays active.
 */
export function clinicalStatus(code: string | undefined, system: DiagnosisCodeSystem): Coding {
  const remission = system === 'icd-10' ? ['F33.4'] : ['F32.5', 'F33.42'];
  return code !== undefined && remission.includes(code.toUpperCase())
    ? { system: CONDITION_CLINICAL_SYSTEM, code: 'remission', display: 'Remission' }
    : { system: CONDITION_CLINICAL_SYSTEM, code: 'active', display: 'Active' };
}
