import type { Messages } from '../../i18n/i18n';

/** Funding flags on the concept pages (district form, vision form): kept with the funding feature. */
const de = {
  designations: 'Liegt in festgelegten Fördergebieten',
  designationsHint:
    'Fördergebiete werden für ein Programm festgelegt (z. B. ein Sanierungsgebiet von „Lebendige Zentren“). Manche Programme fördern nur dort; ohne Festlegung zeigt der Abgleich „Fördergebiet prüfen“.',
  settlementType: 'Siedlungstyp der Kommune',
  settlementTypeHint: 'Manche Programme sind nur für ländliche Räume (z. B. LEADER) oder nur für Städte (z. B. EFRE-Stadtentwicklung).',
  settlementTypeIs: 'Siedlungstyp: {type}',
  financiallyWeak: 'Finanzschwache Kommune (erhöhte Fördersätze)',
  financiallyWeakHint: 'Einige Förderprogramme gewähren finanzschwachen Kommunen höhere Fördersätze; die erwartete Förderung wird dann damit berechnet.',
  financiallyWeakYes: 'Finanzschwache Kommune: ja (erhöhte Fördersätze werden angesetzt)',
  financiallyWeakNo: 'Finanzschwache Kommune: nein',
};

export const fundingConceptMessages: Messages<keyof typeof de> = {
  de,
  en: {
    designations: 'Lies in designated funding areas',
    designationsHint:
      'Funding areas are designated for a programme (e.g. a “Lebendige Zentren” redevelopment area). Some programmes fund only there; without a designation, matching shows “check the funding area”.',
    settlementType: 'Settlement type of the municipality',
    settlementTypeHint: 'Some programmes are only for rural areas (e.g. LEADER) or only for towns (e.g. ERDF urban development).',
    settlementTypeIs: 'Settlement type: {type}',
    financiallyWeak: 'Financially weak municipality (higher funding rates)',
    financiallyWeakHint: 'Some programmes grant financially weak municipalities higher rates; the expected grant is then calculated with them.',
    financiallyWeakYes: 'Financially weak municipality: yes (higher rates apply)',
    financiallyWeakNo: 'Financially weak municipality: no',
  },
};
