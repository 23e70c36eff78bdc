/* eslint-disable */
/**
 * Generated from schemas/vendor-agreement.schema.json by json-schema-to-typescript: do not edit.
 * Regenerate with scripts/gen-types.sh after changing the schema.
 */

/**
 * Version of this file format. Only 1 exists.
 */
export type SchemaVersion = 1;
/**
 * A short, stable slug naming the agreement: lowercase letters, digits and single hyphens. It names git tags (`<id>/round-<n>`) and output files, so it never changes once negotiation starts.
 */
export type AgreementId = string;
/**
 * The title printed on the cover page.
 */
export type AgreementTitle = string;
/**
 * Date the agreement takes effect (YYYY-MM-DD).
 */
export type EffectiveDate = string;
/**
 * Fees the buyer pays per year, used to express liability caps as multiples of fees.
 */
export type AnnualFeesUSD = number;
/**
 * Legal name of the buyer.
 */
export type BuyerName = string;
/**
 * What sort of organisation the buyer is; decides which regulations and risk rules apply.
 */
export type BuyerKind =
  | "government"
  | "healthcare"
  | "financial"
  | "public-company"
  | "company"
  | "education"
  | "nonprofit"
  | "defence-contractor";
/**
 * Where the buyer is established: an ISO 3166 country code, optionally with a subdivision (US-IL, DE, GB-ENG).
 */
export type BuyerJurisdiction = string;
/**
 * A law or regulation by short name.
 */
export type Regulation =
  | "GDPR"
  | "UK-GDPR"
  | "HIPAA"
  | "CCPA-CPRA"
  | "BIPA"
  | "NYDFS-500"
  | "SEC-cyber-disclosure"
  | "NIS2"
  | "DFARS-252.204-7012"
  | "GLBA"
  | "FERPA"
  | "PCI-DSS"
  | "CJIS"
  | "EU-CRA"
  | "UK-PSTI"
  | "FDA-524B"
  | "IoT-Cybersecurity-Improvement-Act"
  | "California-SB-327";
/**
 * Regimes that bind the buyer itself and set its own clocks (e.g. NYDFS 500.17: 72 hours to notify).
 */
export type RegulationsTheBuyerIsUnder = Regulation[];
/**
 * Notice address.
 */
export type BuyerAddress = string;
/**
 * Full name.
 */
export type Name = string;
/**
 * Job title.
 */
export type Title = string;
/**
 * Legal name of the vendor.
 */
export type VendorName = string;
/**
 * Where the vendor is established (ISO 3166 code, optionally with subdivision).
 */
export type VendorJurisdiction = string;
/**
 * Notice address.
 */
export type VendorAddress = string;
/**
 * Product and model.
 */
export type ProductName = string;
/**
 * What kind of connected product this is. `medical-device` triggers FD&C Act §524B duties.
 */
export type ProductCategory =
  | "camera"
  | "medical-device"
  | "building-sensor"
  | "access-control"
  | "wearable"
  | "hvac"
  | "industrial-controller"
  | "other";
/**
 * True when the product is a consumer connectable product made available to consumers (UK PSTI Act 2022 scope).
 */
export type ConsumerConnectableProduct = boolean;
/**
 * Logical deployment: how the product is connected.
 */
export type NetworkPlacement =
  "isolated" | "segmented-vlan" | "corporate-lan" | "guest-network" | "cellular" | "cloud-only";
/**
 * True when the device or its management interface is reachable from the internet.
 */
export type InternetFacing = boolean;
/**
 * Where the devices are physically installed.
 *
 * @minItems 1
 */
export type PhysicalLocations = [
  (
    | "public-space"
    | "external-perimeter"
    | "office"
    | "meeting-room"
    | "break-room"
    | "patient-room"
    | "clinic"
    | "data-centre"
    | "industrial"
    | "residential"
    | "school"
  ),
  ...(
    | "public-space"
    | "external-perimeter"
    | "office"
    | "meeting-room"
    | "break-room"
    | "patient-room"
    | "clinic"
    | "data-centre"
    | "industrial"
    | "residential"
    | "school"
  )[]
];
/**
 * Named sites or addresses where devices are installed.
 */
export type Sites = string[];
/**
 * Kinds of data the product collects or generates.
 */
export type DataCollected = (
  "video" | "audio" | "personal" | "health" | "biometric" | "location" | "telemetry" | "environmental" | "credentials"
)[];
/**
 * Whose data the product collects. Residency of data subjects drives GDPR, CCPA and BIPA rules.
 */
export type WhoseData = (
  | "public"
  | "employees"
  | "patients"
  | "customers"
  | "children"
  | "eu-residents"
  | "uk-residents"
  | "california-residents"
  | "illinois-residents"
)[];
/**
 * True when the vendor can reach the devices or their data remotely.
 */
export type RemoteAccessEnabled = boolean;
/**
 * Why the vendor needs access.
 */
export type Purpose = string;
/**
 * How the vendor connects.
 */
export type AccessMethod = "vpn" | "vendor-cloud" | "direct-internet" | "on-site-only";
/**
 * Microphone recording or sound detection is on.
 */
export type AudioCapture = boolean;
/**
 * Faces are matched or templates stored.
 */
export type FacialRecognition = boolean;
/**
 * Data is copied to the vendor's cloud.
 */
export type CloudSync = boolean;
/**
 * Vendor-side analytics on collected data.
 */
export type Analytics = boolean;
/**
 * Vehicle plates are read.
 */
export type LicencePlateRecognition = boolean;
/**
 * Where data is stored at rest.
 *
 * @minItems 1
 */
export type StorageRegions = [Region, ...Region[]];
/**
 * A country or region code.
 */
export type Region = "US" | "EU" | "EEA" | "UK" | "CH" | "CA" | "AU" | "IN" | "JP" | "SG" | "BR" | "CN" | "other";
/**
 * Where data is processed (including analytics).
 */
export type ProcessingRegions = Region[];
/**
 * Where backups and replicas are kept.
 */
export type BackupRegions = Region[];
/**
 * Where vendor or subcontractor staff access the data from.
 */
export type SupportAccessRegions = Region[];
/**
 * Markets where the product is placed or used (EU market → Cyber Resilience Act; UK consumer products → PSTI).
 */
export type Markets = Region[];
/**
 * The privacy-by-design review took place.
 */
export type Reviewed = boolean;
/**
 * Who took part.
 */
export type Stakeholders = (
  "it" | "privacy" | "security" | "legal" | "procurement" | "facilities" | "clinical" | "operations" | "hr"
)[];
/**
 * What the review decided (features disabled, network design).
 */
export type Notes = string;
/**
 * Methodology followed.
 */
export type Method = "nist-sp-800-30" | "iso-27005" | "fair" | "internal";
/**
 * When the assessment was completed (YYYY-MM-DD).
 */
export type Date = string;
/**
 * Risk left after mitigations outside the contract.
 */
export type ResidualRisk = "low" | "medium" | "high" | "critical";
/**
 * What the assessment found and which risks the contract must mitigate.
 */
export type Summary = string;
/**
 * `named-framework`: the program conforms to named frameworks; `industry-standard`: "industry standard" safeguards; `commercially-reasonable`: the vague standard the article warns needs content.
 */
export type SecurityStandard = "named-framework" | "industry-standard" | "commercially-reasonable";
/**
 * Frameworks the program conforms to.
 */
export type Frameworks = (
  | "ISO-27001-2022"
  | "NIST-CSF-2.0"
  | "SOC2"
  | "NIST-SP-800-53"
  | "NIST-SP-800-171"
  | "NISTIR-8259A"
  | "NIST-SP-800-213"
  | "FDA-premarket-cybersecurity"
  | "ETSI-EN-303-645"
  | "IEC-62443"
  | "HITRUST"
  | "FedRAMP"
)[];
/**
 * A strong asset management program.
 */
export type AssetManagement = boolean;
/**
 * Off-boarding that stops former employees reaching buyer data.
 */
export type TerminationProcedures = boolean;
/**
 * Reasonable physical security controls at data centres.
 */
export type PhysicalSecurity = boolean;
/**
 * Encryption of buyer data at rest.
 */
export type EncryptionAtRest = "none" | "aes-128" | "aes-256";
/**
 * Minimum TLS version for buyer data in transit (NIST SP 800-52r2).
 */
export type EncryptionInTransit = "none" | "tls-1.0" | "tls-1.1" | "tls-1.2" | "tls-1.3";
/**
 * Least-privilege access control with multi-factor authentication.
 */
export type AccessControlWithMFA = boolean;
/**
 * Security events are logged and monitored.
 */
export type SecurityLogging = boolean;
/**
 * Cryptographic modules are FIPS 140-3 validated (US government buyers).
 */
export type FIPS1403ValidatedCryptography = boolean;
/**
 * How often developers receive secure-code training.
 */
export type SecureCodingTraining = "none" | "onboarding" | "annual";
/**
 * Every change is peer reviewed.
 */
export type PeerCodeReview = boolean;
/**
 * Who tests the product and how often.
 */
export type PenetrationTesting = "none" | "internal" | "independent-annual" | "independent-each-release";
/**
 * QA of the product before release.
 */
export type QualityAssurance = boolean;
/**
 * Framework followed.
 */
export type SecureDevelopmentFramework = "NIST-SSDF-SP-800-218" | "OWASP-SAMM" | "BSIMM" | "IEC-62443-4-1" | "none";
/**
 * Days to patch critical or actively exploited vulnerabilities (CISA BOD 22-01: two weeks for known-exploited).
 */
export type Critical = number;
/**
 * Days to patch high-severity vulnerabilities.
 */
export type High = number;
/**
 * Days to patch medium-severity vulnerabilities.
 */
export type Medium = number;
/**
 * Days to patch low-severity vulnerabilities.
 */
export type Low = number;
/**
 * Years of security updates from delivery (EU CRA: at least 5 by default; UK PSTI: the period must be stated).
 */
export type SupportPeriodYears = number;
/**
 * Software bill of materials delivery.
 */
export type SBOM = "none" | "on-request" | "each-release";
/**
 * Machine-readable SBOM format.
 */
export type SBOMFormat = "SPDX" | "CycloneDX";
/**
 * How device credentials ship (UK PSTI Act 2022; California Civ. Code 1798.91.04).
 */
export type DefaultPasswords = "universal-default" | "forced-change" | "unique-per-device";
/**
 * The vendor publishes a coordinated vulnerability disclosure policy (UK PSTI).
 */
export type VulnerabilityDisclosurePolicy = boolean;
/**
 * Hours to report an actively exploited vulnerability (EU CRA Art. 14: 24-hour early warning).
 */
export type ExploitedVulnerabilityReportingHours = number;
/**
 * Hours within which the vendor notifies the buyer after learning of a security incident. The article asks for notice well before consumer deadlines (often 30 days); the buyer's own clocks are GDPR Art. 33 (72 h), NYDFS 500.17 (72 h), NIS2 Art. 23 (24 h).
 */
export type NotificationDeadlineHours = number;
/**
 * Who pays remediation (forensics, legal, notices, credit monitoring).
 */
export type RemediationCostsBorneBy = "vendor" | "vendor-if-vendor-caused" | "shared" | "buyer";
/**
 * Which remediation costs the vendor pays.
 */
export type CostsCovered = (
  | "forensics"
  | "legal-defence"
  | "notification"
  | "credit-monitoring"
  | "call-centre"
  | "regulatory-fines"
  | "public-relations"
)[];
/**
 * The vendor cooperates with the buyer's investigation and preserves evidence.
 */
export type Cooperation = boolean;
/**
 * The vendor must carry cyber insurance.
 */
export type Required = boolean;
/**
 * Minimum limit per claim.
 */
export type PerClaimLimitUSD = number;
/**
 * Minimum aggregate limit.
 */
export type AggregateLimitUSD = number;
/**
 * The buyer is named as additional insured.
 */
export type BuyerAsAdditionalInsured = boolean;
/**
 * `uncapped`; `super-cap` (a separate, higher cap); `general-cap` (breach shares the ordinary cap).
 */
export type DataBreachCap = "uncapped" | "super-cap" | "general-cap";
/**
 * The super-cap as a multiple of annual fees.
 */
export type SuperCapAnnualFees = number;
/**
 * The general cap as a multiple of annual fees.
 */
export type GeneralCapAnnualFees = number;
/**
 * The vendor indemnifies the buyer against third-party claims arising from a breach.
 */
export type Indemnity = boolean;
/**
 * Law governing the agreement (ISO 3166 code with optional subdivision).
 */
export type GoverningLaw = string;
/**
 * Courts with exclusive jurisdiction.
 */
export type Venue = string;
/**
 * Regions where buyer data (and, if `backupsIncluded`, its backups) may be stored or processed.
 */
export type DataResidency = Region[];
/**
 * Residency applies to backups and replicas too.
 */
export type BackupsIncluded = boolean;
/**
 * Support staff access data only from inside the residency regions.
 */
export type SupportAccessInRegion = boolean;
/**
 * Legal basis for transfers out of the EU/EEA or UK.
 */
export type TransferMechanism = "not-needed" | "adequacy-decision" | "eu-us-dpf" | "sccs-2021-914" | "bcrs" | "uk-idta";
/**
 * A transfer impact assessment was done (Schrems II).
 */
export type TransferImpactAssessment = boolean;
/**
 * Regimes the vendor undertakes to comply with in performing the agreement.
 */
export type RegulationsCompliedWith = Regulation[];
/**
 * GDPR Art. 28 processor terms are attached.
 */
export type DataProcessingAgreement = boolean;
/**
 * A HIPAA business associate agreement is attached (45 CFR 164.504(e)).
 */
export type BusinessAssociateAgreement = boolean;
/**
 * CCPA/CPRA service-provider restrictions (Cal. Civ. Code 1798.100(d), 1798.140(ag)).
 */
export type CCPAServiceProviderTerms = boolean;
/**
 * Cloud components hold FedRAMP authorisation.
 */
export type FedRAMPAuthorised = boolean;
/**
 * A privacy impact assessment is done before deployment.
 */
export type PrivacyImpactAssessment = boolean;
/**
 * Audio capture ships disabled unless the buyer enables it (wiretap consent laws).
 */
export type AudioOffByDefault = boolean;
/**
 * Written release obtained before biometric collection (740 ILCS 14/15(b)).
 */
export type BiometricWrittenRelease = boolean;
/**
 * Published retention and destruction schedule (740 ILCS 14/15(a)).
 */
export type BiometricRetentionSchedule = boolean;
/**
 * Every subcontractor is bound by terms at least as protective as these.
 */
export type SubcontractorsBound = boolean;
/**
 * Whether the vendor answers for its subcontractors as for itself.
 */
export type VendorLiabilityForSubcontractors = "full" | "capped" | "none";
/**
 * How a new subprocessor may be engaged (GDPR Art. 28(2)).
 */
export type SubprocessorChanges = "prior-written-consent" | "notice-with-objection" | "notice-only" | "none";
/**
 * Days of advance notice of a new subprocessor.
 */
export type NoticeDays = number;
/**
 * Legal name.
 */
export type Name1 = string;
/**
 * What it does.
 */
export type Service = string;
/**
 * A country or region code.
 */
export type Region1 = "US" | "EU" | "EEA" | "UK" | "CH" | "CA" | "AU" | "IN" | "JP" | "SG" | "BR" | "CN" | "other";
/**
 * Whether it touches buyer data.
 */
export type DataAccess = boolean;
/**
 * Subcontractors engaged at signing.
 */
export type KnownSubcontractors = Subcontractor[];
/**
 * The buyer or its independent auditor may audit the vendor's premises.
 */
export type OnSiteAudit = boolean;
/**
 * Days of notice before an on-site audit.
 */
export type OnSiteNoticeDays = number;
/**
 * Independent report the vendor delivers.
 */
export type IndependentReport = "none" | "soc2-type-ii" | "soc2-type-i" | "iso-27001-certificate" | "pentest-summary";
/**
 * Period a SOC 2 Type II report covers (AICPA practice: 12 months).
 */
export type ReportPeriodMonths = number;
/**
 * How often the report is delivered or an audit may occur.
 */
export type Frequency = "annual" | "biennial" | "on-request" | "for-cause";
/**
 * The buyer may audit logs of vendor remote access.
 */
export type AccessLogReview = boolean;
/**
 * The vendor may access the devices remotely.
 */
export type Permitted = boolean;
/**
 * Each session needs the buyer's approval.
 */
export type BuyerApprovesEachSession = boolean;
/**
 * Remote access requires multi-factor authentication.
 */
export type MFA = boolean;
/**
 * Whether sessions are logged and logs shared.
 */
export type Logging = "none" | "vendor-only" | "shared-with-buyer";
/**
 * Only named, background-checked personnel connect.
 */
export type NamedPersonnel = boolean;
/**
 * Days after termination to return buyer data.
 */
export type DataReturnDays = number;
/**
 * The vendor destroys remaining copies and certifies it in writing.
 */
export type CertifiedDestruction = boolean;
/**
 * Media sanitisation standard.
 */
export type DestructionStandard = "NIST-SP-800-88" | "vendor-policy";

/**
 * One technology purchase: the parties, the buyer's evaluation of the product (how it is deployed, what data it collects, where data goes) and the negotiated security terms. Shape follows "Buying IoT Technology: How to Contract Securely" (N. Merker, Ice Miller LLP): evaluate the product, then contract for the risks found.
 */
export interface VendorAgreementForConnectedIoTTechnology {
  schemaVersion: SchemaVersion;
  id: AgreementId;
  title: AgreementTitle;
  effectiveDate?: EffectiveDate;
  annualFeesUsd?: AnnualFeesUSD;
  parties: Parties;
  product: ProductEvaluation;
  terms: NegotiatedTerms;
}
/**
 * Who buys and who sells.
 */
export interface Parties {
  buyer: Buyer;
  vendor: Vendor;
}
/**
 * The organisation buying the product (us).
 */
export interface Buyer {
  name: BuyerName;
  kind: BuyerKind;
  jurisdiction: BuyerJurisdiction;
  regulations?: RegulationsTheBuyerIsUnder;
  address?: BuyerAddress;
  signatory?: BuyerSignatory;
}
/**
 * Who signs for the buyer.
 */
export interface BuyerSignatory {
  name: Name;
  title?: Title;
}
/**
 * The organisation selling the product.
 */
export interface Vendor {
  name: VendorName;
  jurisdiction: VendorJurisdiction;
  address?: VendorAddress;
  signatory?: VendorSignatory;
}
/**
 * Who signs for the vendor.
 */
export interface VendorSignatory {
  name: Name;
  title?: Title;
}
/**
 * The evaluation the article asks for before contracting: how the product is deployed logically and physically, what it collects and about whom, which features are on, whether the vendor keeps remote access and where data goes. Risk rules read this section to decide which terms the contract must carry.
 */
export interface ProductEvaluation {
  name: ProductName;
  category: ProductCategory;
  consumerProduct?: ConsumerConnectableProduct;
  deployment: Deployment;
  dataCollected: DataCollected;
  dataSubjects?: WhoseData;
  vendorRemoteAccess?: VendorRemoteAccess;
  featuresEnabled?: FeaturesEnabled;
  dataLocations: DataLocations;
  markets?: Markets;
  privacyByDesign?: PrivacyByDesign;
  riskAssessment?: RiskAssessment;
}
/**
 * Where the product sits, logically (network) and physically.
 */
export interface Deployment {
  network: NetworkPlacement;
  internetFacing: InternetFacing;
  physical: PhysicalLocations;
  sites?: Sites;
}
/**
 * Whether the vendor keeps remote access to the devices (e.g. for maintenance). The article: a vendor that logs in for maintenance is both a risk and the first to see an incident.
 */
export interface VendorRemoteAccess {
  enabled: RemoteAccessEnabled;
  purpose?: Purpose;
  method?: AccessMethod;
}
/**
 * Capabilities switched on in this deployment (a camera's audio, for example). Disabled features reduce risk without contract terms.
 */
export interface FeaturesEnabled {
  audio?: AudioCapture;
  facialRecognition?: FacialRecognition;
  cloudSync?: CloudSync;
  analytics?: Analytics;
  licensePlateRecognition?: LicencePlateRecognition;
}
/**
 * Where data is stored, processed and backed up, and where support staff access it from.
 */
export interface DataLocations {
  storage: StorageRegions;
  processing?: ProcessingRegions;
  backups?: BackupRegions;
  supportAccess?: SupportAccessRegions;
}
/**
 * Whether stakeholders reviewed privacy and security impact at the outset (the article's kick-start for product evaluation).
 */
export interface PrivacyByDesign {
  reviewed: Reviewed;
  stakeholders?: Stakeholders;
  notes?: Notes;
}
/**
 * Summary of the risk assessment: identify, assess and reduce risk to an acceptable level.
 */
export interface RiskAssessment {
  method?: Method;
  date?: Date;
  residualRisk: ResidualRisk;
  summary?: Summary;
}
/**
 * The positions on the table. A term left out drops its clause from the rendered contract and shows as missing in `contracts check`.
 */
export interface NegotiatedTerms {
  securityProgram?: InformationSecurityProgram;
  vulnerabilityManagement?: VulnerabilityManagement;
  incidentResponse?: IncidentResponse;
  liability?: Liability;
  jurisdiction?: JurisdictionAndDataLocation;
  privacy?: PrivacySafeguards;
  flowDown?: FlowDownToSubcontractors;
  audit?: AuditRights;
  remoteAccess?: RemoteAccessControls;
  termination?: TerminationAndDataReturn;
}
/**
 * The vendor establishes, implements and maintains an information security program (article: "Establish and Maintain an Information Security Program").
 */
export interface InformationSecurityProgram {
  standard?: SecurityStandard;
  frameworks?: Frameworks;
  safeguards?: EnumeratedSafeguards;
  secureDevelopment?: SecureDevelopment;
}
/**
 * Safeguards the vendor must implement, enumerated so "commercially reasonable" has content (article).
 */
export interface EnumeratedSafeguards {
  assetManagement?: AssetManagement;
  terminationProcedures?: TerminationProcedures;
  physicalSecurity?: PhysicalSecurity;
  encryptionAtRest?: EncryptionAtRest;
  encryptionInTransit?: EncryptionInTransit;
  accessControlMfa?: AccessControlWithMFA;
  logging?: SecurityLogging;
  fipsValidatedCrypto?: FIPS1403ValidatedCryptography;
}
/**
 * The vendor represents that the product was developed with reasonable secure coding practices (article).
 */
export interface SecureDevelopment {
  secureCodingTraining?: SecureCodingTraining;
  peerReview?: PeerCodeReview;
  penetrationTesting?: PenetrationTesting;
  qualityAssurance?: QualityAssurance;
  framework?: SecureDevelopmentFramework;
}
/**
 * How fast the vendor patches, for how long it supports the product, and what it discloses.
 */
export interface VulnerabilityManagement {
  patchDays?: PatchDeadlinesDays;
  supportPeriodYears?: SupportPeriodYears;
  sbom?: SBOM;
  sbomFormat?: SBOMFormat;
  defaultPasswords?: DefaultPasswords;
  disclosurePolicy?: VulnerabilityDisclosurePolicy;
  exploitedVulnerabilityReportingHours?: ExploitedVulnerabilityReportingHours;
}
/**
 * Days from disclosure to a fix, by severity (CVSS).
 */
export interface PatchDeadlinesDays {
  critical?: Critical;
  high?: High;
  medium?: Medium;
  low?: Low;
}
/**
 * What happens when the product or the vendor is compromised (article: "Cybersecurity Incident Response").
 */
export interface IncidentResponse {
  notificationHours?: NotificationDeadlineHours;
  remediationCostsBorneBy?: RemediationCostsBorneBy;
  costsCovered?: CostsCovered;
  cooperation?: Cooperation;
  cyberInsurance?: CyberInsurance;
}
/**
 * Cyber-risk insurance the vendor carries to back its obligations (article).
 */
export interface CyberInsurance {
  required: Required;
  perClaimUsd?: PerClaimLimitUSD;
  aggregateUsd?: AggregateLimitUSD;
  buyerAdditionalInsured?: BuyerAsAdditionalInsured;
}
/**
 * Caps on the vendor's liability for data breaches.
 */
export interface Liability {
  dataBreachCap?: DataBreachCap;
  superCapMultipleOfFees?: SuperCapAnnualFees;
  generalCapMultipleOfFees?: GeneralCapAnnualFees;
  indemnity?: Indemnity;
}
/**
 * Governing law, where data may be, and how it may cross borders (article: "Jurisdictional Compliance").
 */
export interface JurisdictionAndDataLocation {
  governingLaw?: GoverningLaw;
  venue?: Venue;
  dataResidency?: DataResidency;
  backupsIncluded?: BackupsIncluded;
  supportAccessInRegion?: SupportAccessInRegion;
  crossBorderTransfer?: CrossBorderTransfer;
  regulations?: RegulationsCompliedWith;
  dataProcessingAgreement?: DataProcessingAgreement;
  businessAssociateAgreement?: BusinessAssociateAgreement;
  ccpaServiceProviderTerms?: CCPAServiceProviderTerms;
  fedrampAuthorized?: FedRAMPAuthorised;
}
/**
 * How personal data may leave its region (GDPR Chapter V).
 */
export interface CrossBorderTransfer {
  mechanism: TransferMechanism;
  transferImpactAssessment?: TransferImpactAssessment;
}
/**
 * Commitments that follow from what the product collects and where it is deployed.
 */
export interface PrivacySafeguards {
  privacyImpactAssessment?: PrivacyImpactAssessment;
  audioDisabledByDefault?: AudioOffByDefault;
  biometricWrittenRelease?: BiometricWrittenRelease;
  biometricRetentionSchedule?: BiometricRetentionSchedule;
}
/**
 * Subcontractors meet the same security requirements as the vendor (article: "Downstream Obligations").
 */
export interface FlowDownToSubcontractors {
  subcontractorsBound?: SubcontractorsBound;
  vendorLiability?: VendorLiabilityForSubcontractors;
  subprocessorChange?: SubprocessorChanges;
  noticeDays?: NoticeDays;
  subcontractors?: KnownSubcontractors;
}
/**
 * A subcontractor of the vendor.
 */
export interface Subcontractor {
  name: Name1;
  service: Service;
  location?: Region1;
  dataAccess: DataAccess;
}
/**
 * How the buyer verifies compliance (article: "Audit Rights").
 */
export interface AuditRights {
  onSite?: OnSiteAudit;
  onSiteNoticeDays?: OnSiteNoticeDays;
  thirdPartyReport?: IndependentReport;
  reportPeriodMonths?: ReportPeriodMonths;
  frequency?: Frequency;
  accessLogReview?: AccessLogReview;
}
/**
 * Controls on the vendor's remote maintenance access.
 */
export interface RemoteAccessControls {
  permitted?: Permitted;
  buyerApprovalPerSession?: BuyerApprovesEachSession;
  mfa?: MFA;
  logging?: Logging;
  namedPersonnel?: NamedPersonnel;
}
/**
 * What happens to buyer data when the agreement ends.
 */
export interface TerminationAndDataReturn {
  dataReturnDays?: DataReturnDays;
  certifiedDestruction?: CertifiedDestruction;
  destructionStandard?: DestructionStandard;
}
