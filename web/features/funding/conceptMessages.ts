import type { Messages } from '../../i18n/i18n';

/** Funding flags on the concept pages (district form, vision form): kept with the funding feature. */
const de = {
  designatedArea: 'liegt in einem festgelegten Fördergebiet (z. B. Sanierungsgebiet)',
  designatedAreaHint: 'Manche Programme – etwa die Städtebauförderung – fördern nur Maßnahmen in festgelegten Gebieten.',
  financiallyWeak: 'Finanzschwache Kommune (erhöhte Fördersätze)',
  financiallyWeakHint: 'Einige Förderprogramme gewähren finanzschwachen Kommunen höhere Fördersätze; die erwartete Förderung wird dann damit berechnet.',
  financiallyWeakYes: 'Finanzschwache Kommune: ja (erhöhte Fördersätze werden angesetzt)',
  financiallyWeakNo: 'Finanzschwache Kommune: nein',
};

export const fundingConceptMessages: Messages<keyof typeof de> = {
  de,
  en: {
    designatedArea: 'lies in a designated funding area (e.g. redevelopment area)',
    designatedAreaHint: 'Some programmes – such as urban development funding – only fund measures inside designated areas.',
    financiallyWeak: 'Financially weak municipality (higher funding rates)',
    financiallyWeakHint: 'Some programmes grant financially weak municipalities higher rates; the expected grant is then calculated with them.',
    financiallyWeakYes: 'Financially weak municipality: yes (higher rates apply)',
    financiallyWeakNo: 'Financially weak municipality: no',
  },
};
