/**
 * IPT techniques, and techniques from other therapies that people write in IPT plans by mistake.
 * In IPT the techniques are shared with other therapies; what is specific is the problem-area
 * strategy [S3] [S35], so techniques are not tied to a phase.
 */
import type { CatalogueEntry, NonIptTechniqueEntry } from '../catalogue-types.js';

export const techniques: CatalogueEntry[] = [
  {
    id: 'exploratory-questioning',
    title: 'Exploratory questioning',
    description:
      'Open, non-directive questions and targeted follow-ups that gather material about relationships and feelings. Used throughout, most of all in the initial phase.',
    sources: ['S35', 'S36'],
  },
  {
    id: 'encouragement-of-affect',
    title: 'Encouragement of affect',
    description:
      'Help the client express, understand, tolerate and use feelings, including accepting painful ones and bringing out suppressed ones. Central in grief and role transitions.',
    sources: ['S35', 'S36'],
  },
  {
    id: 'clarification',
    title: 'Clarification',
    description:
      'Restate or reframe what the client said so they can see a point, often a contradiction. Works best when the client is ready to hear it.',
    sources: ['S36', 'S37'],
  },
  {
    id: 'communication-analysis',
    title: 'Communication analysis',
    description:
      'Go through a recent emotionally charged exchange in detail — what was said, what was meant, what was felt — to find where communication went wrong. Especially useful in role disputes and interpersonal deficits.',
    sources: ['S3', 'S36', 'seed 002'],
  },
  {
    id: 'directive',
    /** The parts of the group, as clinicians write them; `psychoeducation` outside the initial phase (see the `technique` rule). */
    aliases: ['advice', 'education', 'modelling', 'modeling', 'psychoeducation'],
    title: 'Directive techniques',
    description:
      'Behaviour-change techniques in which the therapist educates, advises or models a way to act, such as explaining how grief runs its course or suggesting how to open a difficult conversation. Weissman, Markowitz and Klerman group them with decision analysis and role playing; what the group holds (education, advice, modelling) could not be verified word for word in the guide.',
    sources: ['S35', 'S36'],
  },
  {
    id: 'decision-analysis',
    title: 'Decision analysis',
    description:
      'Generate options for an interpersonal problem, weigh their likely consequences and choose one to try. Common in role disputes and transitions.',
    sources: ['S36', 'S37', 'S38'],
  },
  {
    id: 'role-play',
    title: 'Role play',
    description:
      'Rehearse a new way of communicating in the session before trying it with the other person. Common in role disputes and interpersonal deficits.',
    sources: ['S33', 'S36', 'seed 002'],
  },
  {
    id: 'therapeutic-relationship',
    title: 'Use of the therapeutic relationship',
    description:
      "Treat the client's feelings about the therapist or the therapy as information about their relationship style, without interpreting transference. Mainly used for interpersonal deficits.",
    sources: ['S3', 'S36'],
  },
  {
    id: 'interpersonal-incident',
    title: 'Interpersonal incident',
    description:
      "Get a detailed account of one specific interaction to examine the client's needs and how they were communicated (a term used by Stuart and the IPT Institute).",
    sources: ['S17', 'seed 002'],
  },
  {
    id: 'mood-event-linking',
    title: 'Linking mood and events',
    description:
      'Start from "How have things been since we last met?" and connect changes in mood to interpersonal events. Used in every middle-phase session.',
    sources: ['S3', 'S6'],
  },
  {
    id: 'work-at-home',
    title: 'Work at home',
    description:
      'Trying a new interpersonal behaviour between sessions. Optional and never required: sources disagree about formal homework in IPT, and "work at home" as the manual\'s term is UNCERTAIN.',
    sources: ['S3', 'S41', 'S42', 'S15b'],
  },
];

export const nonIptTechniques: NonIptTechniqueEntry[] = [
  {
    id: 'cognitive-restructuring',
    title: 'Cognitive restructuring (CBT)',
    description: 'Identifying and challenging unhelpful thoughts; a core technique of cognitive behavioural therapy, not of IPT.',
    sources: ['S3', 'S67'],
    reason:
      'Cognitive restructuring is a CBT technique that targets thoughts; IPT works on the interpersonal context of mood — use communication-analysis or clarification instead.',
  },
  {
    id: 'thought-record',
    title: 'Thought record (CBT)',
    description: 'A CBT worksheet for catching and testing automatic thoughts; not part of IPT.',
    sources: ['S3', 'S67'],
    reason:
      'A thought record is a CBT worksheet for testing automatic thoughts, and IPT does not work on thoughts directly — use mood-event-linking to connect mood to interpersonal events instead.',
  },
  {
    id: 'exposure',
    title: 'Exposure (behaviour therapy)',
    description:
      'Planned confrontation with feared situations or memories; a behavioural technique. IPT for PTSD was tested specifically without exposure.',
    sources: ['S13', 'S50'],
    reason:
      'Exposure is a behavioural technique, and even IPT for PTSD deliberately works without it — work on the interpersonal effects of the problem with communication-analysis or encouragement-of-affect instead.',
  },
  {
    id: 'behavioural-activation',
    /** The US spelling. */
    aliases: ['behavioral-activation'],
    title: 'Behavioural activation',
    description: 'Scheduling rewarding activities to lift mood; a behavioural treatment, not part of IPT.',
    sources: ['S3', 'S35'],
    reason:
      'Behavioural activation schedules activities to lift mood, a behavioural method, whereas IPT changes mood through relationships — use decision-analysis to choose an interpersonal step and work-at-home to try it instead.',
  },
  {
    id: 'guided-imagery',
    title: 'Guided imagery',
    description:
      'Relaxation through imagined scenes. Some consumer websites list it under IPT, but the IPT manuals do not include it.',
    sources: ['seed 001', 'S35'],
    reason:
      'Guided imagery is listed under IPT on some websites but is not part of the IPT manuals — use encouragement-of-affect to work with feelings about real relationships instead.',
  },
  {
    id: 'mindfulness',
    title: 'Mindfulness',
    description:
      'Meditation-based attention practice used in other therapies. Some consumer websites list it under IPT, but the IPT manuals do not include it.',
    sources: ['seed 001', 'S35'],
    reason:
      'Mindfulness is a meditation-based practice from other therapies and is not part of the IPT manuals — use encouragement-of-affect to help the client tolerate and use feelings instead.',
  },
  {
    id: 'bodywork',
    title: 'Bodywork',
    description:
      'Body-based methods such as massage or posture work. Some consumer websites list them under IPT, but the IPT manuals do not include them.',
    sources: ['seed 001', 'S35'],
    reason:
      'Bodywork is a body-based method that the IPT manuals do not include — keep the work on current relationships, for example with exploratory-questioning or communication-analysis.',
  },
  {
    id: 'transference-interpretation',
    title: 'Transference interpretation (psychodynamic)',
    description:
      'Interpreting feelings towards the therapist as a repeat of past relationships; a psychodynamic technique that IPT does not use.',
    sources: ['S3', 'S36'],
    reason:
      "Transference interpretation is a psychodynamic technique that IPT does not use — use therapeutic-relationship to treat the client's feelings about therapy as information about their relationship style instead.",
  },
];
