import type { SpecialLexicon } from './types.ts';

export const pt: SpecialLexicon = {
  language: 'pt',
  firstPerson: ['sou', 'estou', 'tenho', 'meu', 'minha', 'meus', 'minhas', 'me', 'sofro', 'votei', 'fui', 'estive', 'nós', 'nosso', 'nossa'],
  thirdPerson: ['ele', 'ela', 'dele', 'dela'],
  questionCues: ['o que é', 'que é', 'explique', 'explica', 'definição', 'como funciona', 'história', 'wikipedia', 'artigo', 'estatísticas', 'em geral'],
  terms: {
    health: ['diabet*', 'cancro', 'câncer', 'tumor*', 'quimioterapia', 'vih', 'hiv', 'sida', 'aids', 'seropositiv*', 'soropositiv*', 'depressão', 'depressiv*', 'ansiedade', 'bipolar', 'esquizofreni*', 'tdah', 'autis*', 'asma', 'epileps*', 'grávida', 'gravidez', 'aborto', 'demência', 'alzheimer', 'parkinson', 'diagnosticad*', 'diagnóstico', 'meu terapeuta', 'antidepressiv*', 'insulina', 'anorexi*', 'bulimi*', 'suicíd*', 'deficiência', 'deficiente', 'cadeira de rodas', 'medicação', 'vício', 'alcoólatra', 'baixa médica', 'ataque cardíaco', 'enfarte', 'infarto', 'avc', 'internad*', 'hospitalizad*', 'no hospital', 'esclerose múltipla', 'enxaqueca*', 'hipertensão', 'diabétic*', 'psiquiatra', 'quimio', 'infertilidade', 'doença crónica', 'doença crônica', 'sertralina', 'metformina', 'interferon'],
    religion: ['muçulman*', 'islão', 'islã', 'cristã', 'cristão', 'cristãos', 'católic*', 'protestante*', 'evangélic*', 'judeu', 'judia', 'judaísmo', 'hindu', 'budista*', 'ateu', 'ateia', 'testemunha de jeová', 'testemunhas de jeová', 'ramadão', 'mesquita', 'sinagoga', 'minha fé', 'minha religião', 'muçulmana', 'jeová', 'alcorão', 'véu', 'batizad*', 'baptizad*', 'espírita*', 'umbanda', 'candomblé', '~missa', '~rezo'],
    sex_life: ['gay', 'lésbica*', 'bissexual*', 'homossexual*', 'queer', 'transgénero', 'transgênero', 'não binári*', 'saí do armário', 'meu namorado', 'minha namorada', 'vida sexual', 'orientação sexual', 'mulher trans', 'homem trans', 'pessoa trans', '~trans', 'transexual*', 'identidade de género', 'identidade de gênero', 'sair do armário'],
    political: ['votei no', 'votei na', 'voto no', 'voto na', '~chega', 'bolsonarista*', 'petista*', 'filiado ao partido', 'filiada ao partido', 'militante*', 'opinião política', 'convicções políticas', 'comunista*', 'socialista*', 'partido dos trabalhadores', 'filiado ao pt', 'filiada ao pt', 'psol', 'psdb', '~mdb', 'pcdob', 'bloco de esquerda', 'iniciativa liberal', '~pcp', 'lulista*', 'militância', 'diretório do partido'],
    ethnic_origin: ['origem étnica', 'etnia', 'cigano', 'cigana', 'indígena*', 'afrodescendente*', 'pardo', 'parda', 'quilombola*', 'cigan*', 'quilombo*', 'indígenas', 'curdo', 'curda', 'sou de origem', 'é de origem'],
    trade_union: ['sindicato*', 'sindicalizad*', 'sindicalista*', 'cgtp', 'ugt', 'delegado sindical'],
    genetic: ['teste genético', 'testes genéticos', 'teste de adn', 'teste de dna', 'genétic*', 'doença hereditária', 'brca*', 'genoma'],
    biometric: ['impressão digital', 'impressões digitais', 'reconhecimento facial', 'biométric*'],
    criminal: ['preso', 'presa', 'detido', 'detida', 'condenad*', 'cadastro criminal', 'registo criminal', 'antecedentes criminais', 'prisão', 'cadeia', 'liberdade condicional', 'arguido', 'crime', 'condenação', 'ficha criminal', 'fui detido', 'fui detida', 'processo criminal'],
  },
  children: {
    possessives: ['meu', 'minha', 'meus', 'minhas', 'o meu', 'a minha', 'nosso', 'nossa'],
    kin: ['filho', 'filha', 'filhos', 'criança', 'menino', 'menina', 'bebé', 'bebê', 'neto', 'neta'],
    selfAge: ['tenho'],
    ageUnits: ['anos', 'ano', 'meses'],
    notAge: ['de experiência', 'de carreira', 'de trabalho'],
  },
};
