import type { SpecialLexicon } from './types.ts';

export const fr: SpecialLexicon = {
  language: 'fr',
  firstPerson: ['je', "j'", 'j’', 'moi', 'mon', 'ma', 'mes', 'suis', 'vote', "j'ai", 'j’ai', 'nous', 'notre'],
  thirdPerson: ['il', 'elle', 'son', 'sa', 'ses', 'lui'],
  questionCues: ["qu'est-ce", 'qu’est-ce', 'explique', 'définition', 'comment fonctionne', 'histoire', 'wikipédia', 'article', 'statistiques', 'en général'],
  terms: {
    health: ['diabét*', 'diabète', 'cancer', 'tumeur*', 'chimiothérapie', 'vih', 'séropositi*', 'sida', 'dépression', 'dépressi*', 'anxiété', 'bipolaire', 'schizophr*', 'tdah', 'autis*', 'asthm*', 'épilep*', 'enceinte', 'grossesse', 'fausse couche', 'avortement', 'ivg', 'démence', 'alzheimer', 'parkinson', 'diagnostiqu*', 'diagnostic', 'mon psy', 'antidépresseur*', 'insuline', 'anorexi*', 'boulimi*', 'suicid*', 'handicap*', 'fauteuil roulant', 'médicament*', 'addiction', 'alcoolique', 'arrêt maladie', 'crise cardiaque', 'infarctus', 'avc', 'hospitalisé*', "à l'hôpital", 'sclérose en plaques', 'migraine*', 'hypertension', 'burn-out', 'burnout', 'psychiatre', 'chimio', 'infertil*', 'maladie chronique', 'antidépresseurs'],
    religion: ['musulman*', 'islam', 'chrétien*', 'catholique*', 'protestant*', 'juif', 'juive', 'judaïsme', 'hindou*', 'bouddhiste*', 'athée', 'témoin de jéhovah', 'ramadan', 'mosquée', 'synagogue', 'ma foi', 'ma religion', 'musulmane', 'chrétienne', 'catholique pratiquant*', 'évangélique*', 'jéhovah', 'coran', 'baptisé*', '~prie'],
    sex_life: ['gay', 'homo', 'homosexuel*', 'lesbienne*', 'bisexuel*', 'queer', 'transgenre', 'non-binaire', 'coming out', 'mon copain', 'ma copine', 'vie sexuelle', 'orientation sexuelle', 'femme trans', 'homme trans', '~trans', 'bisexuelle', 'lesbienne', 'identité de genre', 'transidentité'],
    political: ['voté pour', 'je vote', 'rassemblement national', 'la france insoumise', 'lfi', 'militant*', 'encarté', "membre du parti", 'opinion politique', 'opinions politiques', "d'extrême droite", "d'extrême gauche", 'communiste*', 'socialiste*', 'parti socialiste', 'les républicains', '~renaissance', 'europe écologie', '~les verts', '~écologiste*', '~adhérent*', 'parti communiste', '~reconquête'],
    ethnic_origin: ['origine ethnique', 'ethnie', 'maghrébin*', 'rom', 'roms', 'métis*', 'afro-descendant*', 'kurde*', 'berbère*', 'kabyle*', 'tzigane*', 'gitan*', "suis d'origine", 'suis d’origine', "est d'origine", 'est d’origine'],
    trade_union: ['syndicat*', 'syndiqué*', 'cgt', 'cfdt', 'force ouvrière', 'délégué syndical'],
    genetic: ['test génétique', 'tests génétiques', 'test adn', 'génétique*', 'maladie héréditaire', 'brca*', 'génome'],
    biometric: ['empreinte digitale', 'empreintes digitales', 'reconnaissance faciale', 'biométri*'],
    criminal: ['arrêté', 'arrêtée', 'condamné*', 'casier judiciaire', 'prison', 'garde à vue', 'sursis', 'mis en examen', 'incarcéré*', 'délit', 'inculpé*', '~casier', 'condamnation', 'vol à l’étalage', "vol à l'étalage", 'travaux d’intérêt général', "travaux d'intérêt général"],
  },
  children: {
    possessives: ['mon', 'ma', 'mes', 'notre', 'nos'],
    kin: ['fils', 'fille', 'enfant', 'enfants', 'garçon', 'bébé', 'petit-fils', 'petite-fille', 'neveu', 'nièce'],
    selfAge: ["j'ai", 'j’ai'],
    ageUnits: ['ans', 'an', 'mois'],
    notAge: ["d'expérience", 'd’expérience', 'de carrière'],
  },
};
