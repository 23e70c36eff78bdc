/**
 * Starting out: the product evaluation the article asks for before contracting (its questions' allowed
 * values, the cautious defaults, the vendor's country read from its legal form), a new agreement made
 * from it at the playbook's preferred positions (`contracts new`), and a repository of agreements
 * ready for pull requests (`contracts init`).
 */
export { collectsPersonalData, DEFAULTS, evaluationChoices, jurisdictionFromName, regionOf, type Evaluation } from './evaluation.js';
export { EXAMPLE_ID, initRepository } from './init-repository.js';
export { newAgreement, type NewAgreement, type NewAgreementOptions } from './new-agreement.js';
