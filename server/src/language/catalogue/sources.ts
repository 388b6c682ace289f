/**
 * The references behind the catalogue and the rules, by the tag they are cited with (`S3`,
 * `seed 002`). Hover shows the full citation; docs/sources.md lists them all (a test keeps the two
 * the same). Tags S2–S83 and the seeds come from the project's IPT research notes
 * (research/ipt-domain.md); S84–S93 were added for IPT-A, maintenance IPT and the youth measures, and
 * S94–S115 for safety planning and crisis lines, de-identification, the parent in IPT-A and the measures.
 * Where a source is a web page that summarises a book or a paper, the citation says so.
 */

export interface Source {
  /** The reference as a reader would look it up: authors, title, where, year. */
  citation: string;
  url?: string;
}

export const SOURCES: Readonly<Record<string, Source>> = {
  'seed 000': { citation: 'Interpersonal psychotherapy: an overview (untitled general article on IPT; a seed document of the research notes).' },
  'seed 001': { citation: 'Good Health Psychiatry. Interpersonal Psychotherapy: How It Works and What to Expect (web page).' },
  'seed 002': { citation: 'Thomas J. How Interpersonal Therapy Improves Depression and Social Issues. BetterHelp, 2021 (web page).' },
  'seed 003': { citation: 'Cleveland Clinic. Interpersonal Psychotherapy (IPT). Health library, reviewed 03/2024 (web page).' },
  S2: { citation: 'Markowitz JC. Interpersonal psychotherapy (an overview). FOCUS 2006;4(2):179.', url: 'https://psychiatryonline.org/doi/10.1176/foc.4.2.179' },
  S3: {
    citation: 'Markowitz JC. Interpersonal psychotherapy: "Phases of treatment" and "Strategies and techniques" (book chapter, as mirrored online).',
    url: 'https://www.alpfmedical.info/bipolar-disorder/phases-of-treatment.html',
  },
  S4: { citation: 'International Society for Interpersonal Psychotherapy (ISIPT). Key IPT strategies (web page).', url: 'https://interpersonalpsychotherapy.org/ipt-basics/key-ipt-strategies' },
  S5: { citation: 'Interpersonal psychotherapy: healing with a relational focus. FOCUS 2014;12(3):275.', url: 'https://focus.psychiatryonline.org/doi/10.1176/appi.focus.12.3.275' },
  S6: { citation: 'IPT UK. Stages of IPT (web page).', url: 'https://www.iptuk.net/stages-of-ipt.html' },
  S7: { citation: 'Termination: an IPT case example (book excerpt on ebrary.net).', url: 'https://ebrary.net/75315/health/termination' },
  S8: { citation: 'What is interpersonal role transition? (question-and-answer page on federalprism.com; low quality).', url: 'https://federalprism.com/what-is-interpersonal-role-transition/' },
  S9: {
    citation: 'CITC Associates. Interpersonal psychotherapy: role transition; interpersonal sensitivity (web pages).',
    url: 'https://www.citcassociates.com/treatment/interpersonal-psychotherapy/role-transition/',
  },
  S10: { citation: 'Group IPT (IPT-G): termination phase and progress review (book excerpts on ebrary.net).', url: 'https://ebrary.net/75493/health/termination_phase' },
  S11: {
    citation: 'Termination (chapter 9 of an Oxford Clinical Psychology book on IPT, ISBN 978-0-19-755450-0). Oxford University Press.',
    url: 'https://www.oxfordclinicalpsych.com/view/10.1093/med-psych/9780197554500.001.0001/med-9780197554500-chapter-9',
  },
  S12: { citation: 'Swartz HA. Overview of brief IPT (IPT-B). IPT Institute (web page).', url: 'https://iptinstitute.com/ipt-brief-treatment/' },
  S13: {
    citation: 'Markowitz JC, Petkova E, Neria Y, et al. Is exposure necessary? A randomized clinical trial of interpersonal psychotherapy for PTSD. Am J Psychiatry 2015;172(5):430–440.',
    url: 'https://psychiatryonline.org/doi/10.1176/appi.ajp.2014.14070908',
  },
  S14: { citation: 'Fairburn CG. Interpersonal psychotherapy for bulimia nervosa (summary of the evidence, APA Division 12).', url: 'http://www.apa.org/divisions/div12/rev_est/ipt_bulimia.html' },
  S15: {
    citation: 'World Health Organization. Group Interpersonal Therapy (IPT) for Depression. WHO generic field-trial version 1.0. Geneva: WHO; 2016 (WHO/MSD/MER/16.4).',
    url: 'https://www.mhpss.net/toolkit/emergency/resource/group-interpersonal-therapy-for-depression',
  },
  S15b: { citation: 'A peer-delivered group IPT pilot in Ethiopia. Pilot and Feasibility Studies 2021, table 2.', url: 'https://pilotfeasibilitystudies.biomedcentral.com/articles/10.1186/s40814-021-00889-x/tables/2' },
  S16: { citation: 'Frank E. Maintenance IPT (IPT-M). IPT Institute (web page; summarises Frank 1991).', url: 'https://iptinstitute.com/about-ipt/maintenance-ipt/' },
  S17: {
    citation: "Stuart S, Robertson M. Interpersonal Psychotherapy: A Clinician's Guide. 2nd ed. CRC Press; 2012. Chapter: Concluding acute treatment and maintenance.",
    url: 'https://www.taylorfrancis.com/books/9780429252747/chapters/10.1201/b13643-28',
  },
  S18: { citation: 'When can I stop interpersonal psychotherapy for depression? questiondepression.com (web page).', url: 'https://www.questiondepression.com/when-can-i-stop-interpersonal-psychotherapy-for-depression' },
  S19: { citation: 'Stuart S. IPT Institute training slides.', url: 'https://studylib.net/doc/25532296/ipt-slides' },
  S20: {
    citation: 'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606–613.',
    url: 'https://studylib.net/doc/25788761/kroenke2001-article-thephq-9',
  },
  S21: { citation: 'Interpersonal therapy. goodtherapy.com.au (web page).', url: 'https://www.goodtherapy.com.au/flex/interpersonal/722/1' },
  S22: { citation: 'Weissman MM, Markowitz JC, Klerman GL. The Guide to Interpersonal Psychotherapy. Oxford University Press; 2018. Chapter: Grief (abstract).', url: 'https://discovery.researcher.life/article/grief/fefd49ef499b319f946b3739440592ab' },
  S23: { citation: 'Interpersonal therapy of depression: role disputes (training slides).', url: 'https://pdfslide.us/amp/documents/interpersonal-therapy-of-depression-role-disputes.html' },
  S24: { citation: 'Weissman MM, Markowitz JC, Klerman GL. The Guide to Interpersonal Psychotherapy. Oxford University Press; 2018. Chapter: Role disputes (excerpt).', url: 'https://www.scribd.com/document/662184680/Weissman-Cap-6' },
  S25: { citation: 'Markowitz JC. Interpersonal Psychotherapy for Posttraumatic Stress Disorder. Oxford University Press; 2016 (excerpt).' },
  S26: { citation: 'Weissman MM, Markowitz JC, Klerman GL. The Guide to Interpersonal Psychotherapy. Oxford University Press; 2018. Chapter: Interpersonal deficits (excerpt).', url: 'https://scribd.com/document/662184683/Weissman-Cap-8' },
  S27: {
    citation: 'Safety planning: an essential feature of cognitive behavior therapy for suicide prevention. Psychiatric Times (article).',
    url: 'https://www.psychiatrictimes.com/view/safety-planning-an-essential-feature-of-cognitive-behavior-therapy-for-suicide-prevention',
  },
  S28: { citation: 'Interpersonal psychotherapy: interpersonal sensitivity. treatmentfordepressionmemphis.com (web page).', url: 'http://www.treatmentfordepressionmemphis.com/interpersonal-psychotherapy-interpersonal-sensitivity/' },
  S29: {
    citation: "Major depressive disorder: interpersonal deficits (book excerpt on ebrary.net); Stuart S, Robertson M. Interpersonal Psychotherapy: A Clinician's Guide, chapter 19.",
    url: 'https://ebrary.net/75317/health/major_depressive_disorder_interpersonal_deficits',
  },
  S30: { citation: 'The Interpersonal Problem Areas Rating Scale and its adaptation for bipolar disorder. Rev Bras Psiquiatr 2008.', url: 'http://www.scielo.br/scielo.php?script=sci_arttext&pid=S1516-44462008000400010' },
  S31: { citation: 'CITC Associates. IPT: grief (web page); with the PTSD pocket guide excerpt [S25].', url: 'https://www.citcassociates.com/treatment/treatment-approaches/ipt/grief' },
  S32: { citation: 'CITC Associates. Interpersonal psychotherapy: role disputes (web page).', url: 'https://www.citcassociates.com/treatment/interpersonal-psychotherapy/role-disputes/' },
  S33: { citation: 'Interpersonal psychotherapy for major depression: a role-dispute case (book excerpt on ebrary.net).', url: 'https://ebrary.net/75306/health/interpersonal_psychotherapy_major_depression_role_dispute' },
  S34: { citation: 'Lipsitz JD, Markowitz JC. Mechanisms of change in interpersonal therapy (IPT). Clin Psychol Rev 2013;33(8):1134–1147.', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4109031' },
  S35: { citation: 'Weissman MM, Markowitz JC, Klerman GL. The Guide to Interpersonal Psychotherapy. Oxford University Press; 2018. Chapter 10: Techniques (excerpt).' },
  S36: { citation: 'A summary of the IPT technique list (sid.ir).', url: 'https://sid.ir/search/paper/ipt/fa' },
  S37: {
    citation: 'Miniati M, et al. Telephone-delivered interpersonal psychotherapy: a systematic review. CNS Spectrums 2021.',
    url: 'https://www.cambridge.org/core/journals/cns-spectrums/article/abs/telephonedelivered-interpersonal-psychotherapy-a-systematic-review/37B09B311593E56B2FD37AED94CEB7E5',
  },
  S38: { citation: "The IPT therapist's role (book chapter abstract, Taylor & Francis, ISBN 978-1-315-78327-7, chapter 5).", url: 'https://www.taylorfrancis.com/books/9781315783277/chapters/10.4324/9781315783277-5' },
  S39: { citation: 'Closeness circle worksheet (citing Dietz LJ, Weinberg RJ, Mufson LH, 2018, family-based IPT for preadolescent depression).', url: 'https://www.scribd.com/document/668252707/Closeness-Circle' },
  S40: { citation: 'Carepatron. Closeness circle interpersonal therapy worksheet (web page).', url: 'https://carepatron.com/templates/closeness-circle-interpersonal-therapy-worksheet' },
  S41: { citation: 'Blanco C, Clougherty KF, Lipsitz J, Mufson L, Weissman MM. Homework in interpersonal psychotherapy (IPT): rationale and practice. J Cogn Psychother 2006;20(2) (abstract).' },
  S42: { citation: 'Integrating CBT and IPT in complicated grief treatment (book chapter, as mirrored online).', url: 'https://www.mussenhealth.us/posttraumatic-stress/integrating-cbt-and-ipt-in-cgt.html' },
  S43: {
    citation: 'Columbia University Department of Psychiatry. About interpersonal therapy for adolescents (IPT-A); ISIPT. IPT for adolescents (web pages).',
    url: 'https://childadolescentpsych.cumc.columbia.edu/articles/interpersonal-therapy-adolescents-ipta',
  },
  S44: { citation: 'Brunstein-Klomek A, Zalsman G, Mufson L. Interpersonal psychotherapy for depressed adolescents (IPT-A). Isr J Psychiatry Relat Sci 2007;44(1):40–46.' },
  S45: { citation: 'Mufson L, Weissman MM, Moreau D, Garfinkel R. Efficacy of interpersonal psychotherapy for depressed adolescents. Arch Gen Psychiatry 1999;56(6):573–579.', url: 'https://jamanetwork.com/journals/jamapsychiatry/fullarticle/1673771' },
  S46: {
    citation: 'Mufson L, Dorta KP, Wickramaratne P, Nomura Y, Olfson M, Weissman MM. A randomized effectiveness trial of interpersonal psychotherapy for depressed adolescents. Arch Gen Psychiatry 2004;61(6):577–584.',
    url: 'https://scholars.mssm.edu/en/publications/a-randomized-effectiveness-trial-of-interpersonal-psychotherapy-f',
  },
  S47: { citation: 'IPT-AP pilot (PubMed 32680337); Administration for Children and Families, Prevention Services Clearinghouse: IPT-A.', url: 'https://preventionservices.acf.hhs.gov/programs/180/show' },
  S48: { citation: 'Swartz HA, Grote NK, Graham P. Brief interpersonal psychotherapy (IPT-B): overview and review of evidence. Am J Psychother 2014;68(4):443–462.', url: 'https://dx.doi.org/10.1176/appi.psychotherapy.2014.68.4.443' },
  S49: {
    citation:
      'Frank E, Kupfer DJ, Buysse DJ, Swartz HA, Pilkonis PA, Houck PR, Rucci P, Novick DM, Grochocinski VJ, Stapf DM. Randomized trial of weekly, twice-monthly, and monthly interpersonal psychotherapy as maintenance treatment for women with recurrent depression. Am J Psychiatry 2007;164(5):761–767.',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3579577',
  },
  S50: { citation: 'Anxiety and Depression Association of America. Psychotherapies for chronic PTSD (trial description, web page).', url: 'https://www.adaa.org/psychotherapies-chronic-posttraumatic-stress-disorder-ptsd' },
  S51: { citation: 'Murphy R, Straebler S, Basden S, Cooper Z, Fairburn CG. Interpersonal psychotherapy for eating disorders. Clin Psychol Psychother 2012;19(2):150–158.', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3886290' },
  S52: { citation: 'Arcelus J, et al. 2011: 16 sessions of IPT for bulimia nervosa (article on scielo.org.mx); Evidence Based Treatment Seattle, IPT for eating disorders (web page).', url: 'http://scielo.org.mx/scielo.php?pid=S2007-15232011000200002&script=sci_arttext' },
  S53: { citation: 'Miller L, Weissman M. Interpersonal psychotherapy delivered over the telephone to recurrent depressives: a pilot study. Depress Anxiety 2002;16(3):114–117.', url: 'https://www.pubmed.gov/12415535/' },
  S54: { citation: 'Miniati M, et al. 2021 (the same review as [S37]).' },
  S55: { citation: 'Group IPT for adolescents in Nepal: phase aims. BMC Psychology 2020, table 2.', url: 'https://bmcpsychology.biomedcentral.com/articles/10.1186/s40359-020-00452-y/tables/2' },
  S56: { citation: 'Interpersonal counselling (IPC) for subsyndromally depressed hospitalized elderly patients (book chapter, as mirrored online).', url: 'https://www.alpfmedical.info/bipolar-disorder/subsyndromally-depressed-hospitalized-elderly-patients.html' },
  S57: { citation: 'Medscape. Hamilton Depression Rating Scale (HAM-D or HDRS) calculator (web page).', url: 'https://reference.medscape.com/calculator/146/hamilton-depression-rating-scale-ham-d-or-hdrs' },
  S58: { citation: 'Sawamura J, et al. (2018). Health and Quality of Life Outcomes, on remission on the HAM-D.', url: 'https://hqlo.biomedcentral.com/articles/10.1186/s12955-018-0838-6' },
  S59: {
    citation:
      'Zimmerman M, Chelminski I, Posternak M. A review of studies of the Hamilton Depression Rating Scale in healthy controls: implications for the definition of remission in treatment studies of depression. J Nerv Ment Dis 2004;192(9):595–601.',
  },
  S60: { citation: 'McIntyre R, Kennedy S, Bagby RM, Bakish D. Assessing full remission. J Psychiatry Neurosci 2002;27(4):235–239.', url: 'http://www.ncbi.nlm.nih.gov/pmc/articles/PMC161657/' },
  S61: { citation: 'Defining success in measurement-based care for depression. Psychiatric Services 2020.', url: 'http://ps.psychiatryonline.org/doi/full/10.1176/appi.ps.201900295' },
  S62: { citation: 'Pharmacy Quality Alliance. Depression response at twelve months (quality measure).', url: 'https://p4qm.org/taxonomy/term/701?page=4' },
  S63: { citation: 'Beck AT, Steer RA, Brown GK. Manual for the Beck Depression Inventory-II. San Antonio, TX: Psychological Corporation; 1996 (cut-offs as summarised online).', url: 'https://www.doctorabel.us/depression-therapy/assessment-of-severe-depression.html' },
  S64: { citation: 'BDI-II (tool page, note on item 9). onlinemedicaltools.com.', url: 'https://onlinemedicaltools.com/tools/bdi-ii' },
  S65: { citation: 'Validation of the Edinburgh Postnatal Depression Scale (Persian version).', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3470287' },
  S66: { citation: 'IPT Institute. IPT Quality and Adherence Scale (web page).', url: 'https://iptinstitute.com/ipt-training-materials/ipt-quality-adherence-scale/' },
  S67: { citation: 'Applying the Collaborative Study Psychotherapy Rating Scale to rate therapist adherence in CBT, IPT and clinical management (abstract).' },
  S68: { citation: 'Amole et al. The CSPRS in IPT and brief supportive psychotherapy.', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5718628' },
  S69: { citation: 'Adherence monitoring in a trial of depression treatment in HIV.', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3330590' },
  S70: { citation: 'US National Institutes of Health grant R33-MH097041 (fidelity measures).', url: 'https://grantome.com/grant/NIH/R33-MH097041-03' },
  S71: { citation: 'US National Institutes of Health grant R01-MH112624 (fidelity measures).', url: 'https://grantome.com/grant/NIH/R01-MH112624-02' },
  S72: { citation: 'Stewart MO, et al. National dissemination of interpersonal psychotherapy for depression in veterans. 2014.' },
  S73: {
    citation: 'Stanley B, Brown GK. Safety Planning Intervention: a brief intervention to mitigate suicide risk. Cogn Behav Pract 2012;19(2):256–264.',
    url: 'https://dokumen.tips/documents/safety-planning-intervention-a-brief-intervention-to-mitigate-suicide-risk.html',
  },
  S74: { citation: 'The six steps of safety planning (clinician resource page).', url: 'https://sites.google.com/site/drbinggelistherapyresources/psychosocial-issues/suicide-prevention/safety-planning' },
  S75: { citation: 'HL7 FHIR R4 to R5 cross-version extension for CarePlan.activity.detail (repository bvdh/hl7-mapping-extension-generator, result/R4toR5/input/fsh/CarePlanActivityDetail.fsh).' },
  S76: { citation: 'HL7 FHIR. CarePlanStatus code system (R4 ballot).', url: 'https://hl7.org/fhir/2018May/codesystem-care-plan-status.xml.html' },
  S77: { citation: 'HL7 FHIR. CarePlanIntent code system (STU3).', url: 'https://hl7.org/fhir/STU3/codesystem-care-plan-intent.xml.html' },
  S78: { citation: 'HL7 FHIR R4. CarePlan (ShEx definition).', url: 'https://hl7.org/fhir/r4/careplan.shex.html' },
  S79: { citation: 'Example CarePlan profiles: a Philippine CarePlan (repository nhdr-gianb/test-ig) and a Belgian home-care plan (repository hl7-be/ehealth-be-core).' },
  S80: { citation: 'HL7 FHIR R4B. CarePlanActivityStatus value set.', url: 'https://hl7.org/fhir/R4b/valueset-care-plan-activity-status.html' },
  S81: { citation: 'fhirkit: the R4 CarePlan model (Rust crate documentation).', url: 'https://docs.rs/crate/fhirkit/latest/source/src/r4/resources/care_plan.rs' },
  S82: { citation: 'Metriport. FHIR Goal resource (documentation page).', url: 'https://docs.metriport.com/medical-api/fhir/resources/goal' },
  S83: { citation: 'HL7 FHIR R4. Goal: definitions.', url: 'https://www.hl7.org/fhir/r4/goal-definitions.html' },
  S84: {
    citation:
      'California Evidence-Based Clearinghouse for Child Welfare. Interpersonal Psychotherapy for Depressed Adolescents (IPT-A): program page (essential components of the initial phase: psychoeducation, the limited sick role, the closeness circle, the interpersonal inventory).',
    url: 'https://cebc4cw.org/program/interpersonal-psychotherapy-for-depressed-adolescents',
  },
  S85: { citation: 'Mufson L, Dorta KP, Moreau D, Weissman MM. Interpersonal Psychotherapy for Depressed Adolescents. 2nd ed. New York: Guilford Press; 2004 (the IPT-A manual; not read in full for this project).' },
  S86: {
    citation: 'Zimmerman M, Martinez JH, Young D, Chelminski I, Dalrymple K. Severity classification on the Hamilton Depression Rating Scale. J Affect Disord 2013;150(2):384–388.',
    url: 'https://doi.org/10.1016/j.jad.2013.04.028',
  },
  S87: {
    citation: "Poznanski EO, Mokros HB. Children's Depression Rating Scale, Revised (CDRS-R): Manual. Los Angeles: Western Psychological Services; 1996 (17 symptom areas; total 17–113).",
    url: 'https://wps.actboldstaging.com/cdrs-r-childrens-depression-rating-scale-revised',
  },
  S88: {
    citation: "Mayes TL, Bernstein IH, Haley CL, Kennard BD, Emslie GJ. Psychometric properties of the Children's Depression Rating Scale–Revised in adolescents. J Child Adolesc Psychopharmacol 2010;20(6):513–516.",
    url: 'https://doi.org/10.1089/cap.2010.0063',
  },
  S89: {
    citation:
      'Kennard B, Silva S, Vitiello B, et al. Remission and residual symptoms after short-term treatment in the Treatment of Adolescents with Depression Study (TADS). J Am Acad Child Adolesc Psychiatry 2006;45(12):1404–1411 (remission: CDRS-R total 28 or less).',
    url: 'https://pubmed.ncbi.nlm.nih.gov/17135985/',
  },
  S90: {
    citation:
      "Plener PL, Grieb J, Spröber N, Straub J, Schneider A, Keller F, Kölch MG. Convergence of Children's Depression Rating Scale-Revised scores and clinical diagnosis in rating adolescent depressive symptomatology. Mental Illness 2012;4(1):e7 (a raw score of 40 or more is often used as an indicator of depression).",
    url: 'https://doi.org/10.4081/mi.2012.e7',
  },
  S91: {
    citation:
      'Angold A, Costello EJ, Messer SC, Pickles A, Winder F, Silver D. The development of a short questionnaire for use in epidemiological studies of depression in children and adolescents. Int J Methods Psychiatr Res 1995;5:237–249.',
  },
  S92: {
    citation:
      'Thabrew H, Stasiak K, Bavin LM, Frampton C, Merry S. Validation of the Mood and Feelings Questionnaire (MFQ) and Short Mood and Feelings Questionnaire (SMFQ) in New Zealand help-seeking adolescents. Int J Methods Psychiatr Res 2018;27(3):e1610 (cut-offs: MFQ 28 or more, SMFQ 12 or more).',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6877137',
  },
  S93: {
    citation: 'Child Outcomes Research Consortium (CORC). Mood and Feelings Questionnaire (MFQ): versions, scoring (long 0–66, short 0–26) and interpretation (web page).',
    url: 'https://www.corc.uk.net/outcome-experience-measures/mood-and-feelings-questionnaire/',
  },
  S94: {
    citation:
      'Stanley B, Brown GK. Safety Plan Treatment Manual to Reduce Suicide Risk: Veteran Version. Washington, DC: US Department of Veterans Affairs; 2008 (the safety plan template: its six headings and their prompts).',
  },
  S95: {
    citation:
      'Stanley B, Brown GK, Brenner LA, et al. Comparison of the safety planning intervention with follow-up vs usual care of suicidal patients treated in the emergency department. JAMA Psychiatry 2018;75(9):894–900.',
    url: 'https://doi.org/10.1001/jamapsychiatry.2018.1776',
  },
  S96: {
    citation: 'Harvard T.H. Chan School of Public Health. Means Matter: recommendations for clinicians (web page; firearms, medications and other methods, and how to reduce access).',
    url: 'https://www.hsph.harvard.edu/means-matter/',
  },
  S97: {
    citation: 'Simonetti JA, Wortzel HS, Matarazzo BB. Lethal means safety counseling within the safety planning intervention. J Psychiatr Pract 2021;27(6):456–465.',
  },
  S98: { citation: '988 Suicide & Crisis Lifeline (US): call, text or chat 988, 24/7, since 16 July 2022 (web site).', url: 'https://988lifeline.org' },
  S99: { citation: '9-8-8 Suicide Crisis Helpline (Canada): call or text 9-8-8, in English or French, 24/7, since 30 November 2023 (web site).', url: 'https://988.ca' },
  S100: {
    citation:
      'Samaritans (UK and Ireland), 116 123; Shout, text 85258; NHS, Where to get urgent help for mental health (NHS 111 and its mental health option, 999 and A&E) (web pages).',
    url: 'https://www.nhs.uk/nhs-services/mental-health-services/where-to-get-urgent-help-for-mental-health/',
  },
  S101: { citation: 'Samaritans Ireland (116 123) and the HSE-funded 50808 text service (web pages).', url: 'https://text50808.ie' },
  S102: { citation: 'European Commission. 112, the European emergency number (web page).', url: 'https://digital-strategy.ec.europa.eu/en/policies/112' },
  S103: {
    citation: 'Lifeline Australia (13 11 14) and the Suicide Call Back Service (1300 659 467); Australian emergency number 000 (web sites).',
    url: 'https://www.lifeline.org.au',
  },
  S104: {
    citation:
      'US Code of Federal Regulations, 45 CFR 164.514(b)(2): the Safe Harbor method of de-identification (names and other identifiers of the individual or of relatives, employers or household members of the individual).',
    url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.514',
  },
  S105: {
    citation: 'US Department of Health and Human Services, Office for Civil Rights. Guidance regarding methods for de-identification of protected health information in accordance with the HIPAA Privacy Rule. 2012.',
    url: 'https://www.hhs.gov/hipaa/for-professionals/special-topics/de-identification/index.html',
  },
  S106: {
    citation: "Penn State Clearinghouse for Military Family Readiness. Interpersonal Psychotherapy for Depressed Adolescents (IPT-A): program fact sheet (the parent's part in each phase).",
    url: 'https://continuum.militaryfamilies.psu.edu',
  },
  S107: {
    citation:
      'Mufson L, Verdeli H, Clougherty KF, Shoum KA. How to use interpersonal psychotherapy for depressed adolescents (IPT-A) (book chapter, as mirrored online; source and pages not verified).',
  },
  S108: {
    citation: 'Cox JL, Holden JM, Sagovsky R. Detection of postnatal depression: development of the 10-item Edinburgh Postnatal Depression Scale. Br J Psychiatry 1987;150:782–786.',
    url: 'https://doi.org/10.1192/bjp.150.6.782',
  },
  S109: {
    citation:
      'Cox J, Holden J, Henshaw C. Perinatal Mental Health: The Edinburgh Postnatal Depression Scale (EPDS) Manual. 2nd ed. London: RCPsych Publications; 2014 (scoring instructions as reproduced online: any score above 0 on item 10 calls for further assessment).',
  },
  S110: {
    citation: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097.',
    url: 'https://doi.org/10.1001/archinte.166.10.1092',
  },
  S111: {
    citation: 'UCL, parent Mood and Feelings Questionnaire data-dictionary entry (34 items, total 0–68); Child Outcomes Research Consortium (CORC), MFQ scoring guidance.',
    url: 'https://ucldata.atlassian.net/wiki/pages/viewpage.action?pageId=220987446',
  },
  S112: { citation: 'Wilfley DE, MacKenzie KR, Welch RR, Ayres VE, Weissman MM. Interpersonal Psychotherapy for Group. New York: Basic Books; 2000 (the mid-point review).' },
  S113: {
    citation:
      'Gunlicks-Stoessel M, Mufson L, Bernstein G, et al. Critical decision points for augmenting interpersonal psychotherapy for depressed adolescents: a pilot sequential multiple assignment randomized trial. J Am Acad Child Adolesc Psychiatry 2019;58(1):80–91 (a decision at week 4).',
    url: 'https://doi.org/10.1016/j.jaac.2018.06.032',
  },
  S114: {
    citation:
      'Bao Y, Druss BG, Jung HY, Chan YF, Unützer J. Unpacking collaborative care for depression: examining two essential tasks for implementation. Psychiatr Serv 2016;67(4):418–424 (follow-up within 4 weeks; psychiatric consultation by weeks 8–12 when not improved).',
    url: 'https://doi.org/10.1176/appi.ps.201400577',
  },
  S115: {
    citation: 'Matthey S. Calculating clinically significant change in postnatal depression studies using the Edinburgh Postnatal Depression Scale. J Affect Disord 2004;78(3):269–272 (a reliable change of 4 points).',
    url: 'https://doi.org/10.1016/S0165-0327(02)00313-0',
  },
};
