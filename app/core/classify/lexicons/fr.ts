import type { SpecialLexicon } from './types.ts';

export const fr: SpecialLexicon = {
  language: 'fr',
  firstPerson: ['je', "j'", 'j’', 'moi', 'mon', 'ma', 'mes', 'suis', 'vote', "j'ai", 'j’ai', 'nous', 'notre'],
  thirdPerson: ['il', 'elle', 'son', 'sa', 'ses', 'lui'],
  questionCues: ["qu'est-ce", 'qu’est-ce', 'explique', 'définition', 'comment fonctionne', 'histoire', 'wikipédia', 'article', 'statistiques', 'en général'],
  terms: {
    health: ['diabét*', 'diabète', 'cancer', 'tumeur*', 'chimiothérapie', 'vih', 'séropositi*', 'sida', 'dépression', 'dépressi*', 'anxiété', 'bipolaire', 'schizophr*', 'tdah', 'autis*', 'asthm*', 'épilep*', 'enceinte', 'grossesse', 'fausse couche', 'avortement', 'ivg', 'démence', 'alzheimer', 'parkinson', 'diagnostiqu*', 'diagnostic', 'mon psy', 'antidépresseur*', 'insuline', 'anorexi*', 'boulimi*', 'suicid*', 'handicap*', 'fauteuil roulant', 'médicament*', 'addiction', 'alcoolique', 'arrêt maladie'],
    religion: ['musulman*', 'islam', 'chrétien*', 'catholique*', 'protestant*', 'juif', 'juive', 'judaïsme', 'hindou*', 'bouddhiste*', 'athée', 'témoin de jéhovah', 'ramadan', 'mosquée', 'synagogue', 'ma foi', 'ma religion'],
    sex_life: ['gay', 'homo', 'homosexuel*', 'lesbienne*', 'bisexuel*', 'queer', 'transgenre', 'non-binaire', 'coming out', 'mon copain', 'ma copine', 'vie sexuelle', 'orientation sexuelle'],
    political: ['voté pour', 'je vote', 'rassemblement national', 'la france insoumise', 'lfi', 'militant*', 'encarté', "membre du parti", 'opinion politique', 'opinions politiques', "d'extrême droite", "d'extrême gauche", 'communiste*', 'socialiste*'],
    ethnic_origin: ['origine ethnique', 'ethnie', 'maghrébin*', 'rom', 'roms', 'métis*', 'afro-descendant*'],
    trade_union: ['syndicat*', 'syndiqué*', 'cgt', 'cfdt', 'force ouvrière', 'délégué syndical'],
    genetic: ['test génétique', 'tests génétiques', 'test adn', 'génétique*', 'maladie héréditaire', 'brca*', 'génome'],
    biometric: ['empreinte digitale', 'empreintes digitales', 'reconnaissance faciale', 'biométri*'],
    criminal: ['arrêté', 'arrêtée', 'condamné*', 'casier judiciaire', 'prison', 'garde à vue', 'sursis', 'mis en examen', 'incarcéré*', 'délit', 'inculpé*'],
  },
  children: {
    possessives: ['mon', 'ma', 'mes', 'notre', 'nos'],
    kin: ['fils', 'fille', 'enfant', 'enfants', 'garçon', 'bébé', 'petit-fils', 'petite-fille', 'neveu', 'nièce'],
    selfAge: ["j'ai", 'j’ai'],
    ageUnits: ['ans', 'an', 'mois'],
    notAge: ["d'expérience", 'd’expérience', 'de carrière'],
  },
};
