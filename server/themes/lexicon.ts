import type { Language } from '../../shared/language.ts';
import type { Token } from './text.ts';

/**
 * A bilingual concept lexicon: general customer-feedback vocabulary in Danish and English mapped to
 * a dozen topics, so that "Leveringen var forsinket" and "The delivery was late" share something
 * even though they share no word. Written by hand from everyday words of each topic (with their
 * inflections, compounds and common spellings), not from any labelled set.
 *
 * An entry is a lower-case word, matched against a comment's words as written and as stemmed:
 *   "pakke"   the word itself
 *   "lever*"  any word starting with it ("levering", "leveringstiden", "leveret")
 *   "*pris"   any word ending with it, a Danish compound's head ("fragtpris", "overpris")
 * A word of five letters or more that matches nothing but is one typing slip (a letter missing,
 * added, changed or two swapped) from a word or prefix of five letters or more counts as that entry
 * ("kundeserivce", "refnd").
 */

export interface Concept {
  key: string;
  /** The topic's name in each language (a theme mixing both languages is named in the team's). */
  name: Record<Language, string>;
  /** Words in either language: a mixed comment ("appen crasher all the time") uses both. */
  words: readonly string[];
}

export const CONCEPTS: readonly Concept[] = [
  {
    key: 'delivery',
    name: { da: 'Levering', en: 'Delivery' },
    words: [
      'lever*',
      '*levering',
      '*leveringen',
      'deliver*',
      'pakke*',
      '*pakke',
      '*pakken',
      '*pakker',
      'package*',
      'parcel*',
      'forsend*',
      'sending',
      'sendingen',
      'ship',
      'shipped',
      'shipping',
      'shipment*',
      'dispatch*',
      'sent',
      'afsendt',
      'forsink*',
      'delay*',
      'late',
      'later',
      'latest',
      'courier*',
      'kurer*',
      'budet',
      'budbil*',
      'postnord',
      'gls',
      'dao',
      'dhl',
      'ups',
      'fedex',
      'tracking',
      'track*',
      'sporing*',
      'sporings*',
      'track-and-trace',
      'pakkeshop*',
      'pakkeboks*',
      'postkasse*',
      'mailbox',
      'doorstep',
      'hoveddør*',
      'afhent*',
      'pickup',
      'collect',
      'arrive*',
      'arrival',
      'ankom*',
      'fremme',
      'chauffør*',
      'driver*',
      'fragt*',
      'freight',
      'transit',
      'lost',
      'bortkommet',
      'forsvundet',
      'modtog',
      'modtaget',
      'received',
      'receive',
      'order',
      'ordre*',
      'bestilling*',
      'bestilt',
    ],
  },
  {
    key: 'price',
    name: { da: 'Pris', en: 'Price' },
    words: [
      'pris*',
      '*pris',
      '*prisen',
      '*priser',
      'price*',
      'pricing',
      'overpriced',
      'dyr',
      'dyrt',
      'dyre',
      'dyrere',
      'dyreste',
      'expensive',
      'pricey',
      'costly',
      'cheap',
      'cheaper',
      'billig*',
      'cost*',
      'kost*',
      'koster',
      'kostede',
      'rabat*',
      'discount*',
      'tilbud*',
      'offer*',
      'deal',
      'deals',
      'sale',
      'udsalg*',
      'penge',
      'pengene',
      'money',
      'value',
      'værd',
      'worth',
      'kr',
      'kroner',
      'dkk',
      'euro',
      'dollar*',
      'gebyr*',
      'fee',
      'fees',
      'afford*',
      'budget*',
      'steget',
      'stigning*',
      'increase*',
      'increased',
      'raise',
      'raised',
      'konkurrent*',
      'competitor*',
    ],
  },
  {
    key: 'support',
    name: { da: 'Kundeservice', en: 'Customer service' },
    words: [
      'kundeservice*',
      'kundeservicen',
      'kundesupport*',
      'kundecenter*',
      'support*',
      'service',
      'servicen',
      'hotline*',
      'helpdesk',
      'chat*',
      'telefon*',
      'phone',
      'ringe',
      'ringede',
      'ringer',
      'opkald*',
      'call',
      'called',
      'calling',
      'calls',
      'mail',
      'mails',
      'mailen',
      'email*',
      'e-mail*',
      'svar*',
      'besvar*',
      'answer*',
      'respon*',
      'reply',
      'replied',
      'replies',
      'henvend*',
      'help',
      'helped',
      'hjælp*',
      'hjalp',
      'representative*',
      'rep',
      'contact*',
      'kontakt*',
      'ticket*',
      'sag',
      'sagen',
      'complain*',
      'klage*',
      'klagede',
    ],
  },
  {
    key: 'waiting',
    name: { da: 'Ventetid', en: 'Waiting time' },
    words: [
      'vent*',
      'ventetid*',
      'wait*',
      'queue*',
      'kø',
      'køen',
      'telefonkø*',
      'hold',
      'minut*',
      'minute*',
      'timer',
      'timers',
      'hours',
      'hour',
      'weeks',
      'uger',
      'langsom*',
      'slow*',
      'hurtig*',
      'quick*',
      'fast',
      'faster',
      'promptly',
      'prompt',
      'lynhurtig*',
    ],
  },
  {
    key: 'quality',
    name: { da: 'Kvalitet', en: 'Quality' },
    words: [
      'kvalitet*',
      '*kvalitet',
      '*kvaliteten',
      'quality',
      'broke',
      'broken',
      'break*',
      'defekt*',
      'defect*',
      'faulty',
      'ødelagt*',
      'itu',
      'stykker',
      'holdbar*',
      'durab*',
      'flimsy',
      'materiale*',
      'material*',
      'fabric',
      'stof',
      'stoffet',
      'syning*',
      'stitch*',
      'apart',
      'rotten',
      'mouldy',
      'moldy',
      'spoiled',
      'expired',
      'mugne',
      'muggen',
      'rådden',
      'rådne',
      'sømme*',
      'seam*',
      'torn',
      'tear*',
      'revn*',
      'crack*',
      'falme*',
      'faded',
      'slidt*',
      'worn',
      'lasted',
      'holdt',
      'holder',
      'ridse*',
      'scratch*',
      'skrøbelig*',
      'fragile',
      'solid*',
      'robust*',
      'sturdy',
      'produkt*',
      'product*',
      'vare',
      'varen',
      'varerne',
      'item',
      'items',
    ],
  },
  {
    key: 'digital',
    name: { da: 'App og hjemmeside', en: 'App and website' },
    words: [
      'app',
      'appen',
      'apps',
      'appens',
      'application',
      'hjemmeside*',
      '*hjemmesiden',
      'webside*',
      'website*',
      'webshop*',
      'netbutik*',
      'site',
      'sitet',
      'web',
      'online',
      'browser*',
      'crash*',
      'crasher',
      'fryser',
      'frøs',
      'freeze*',
      'froze',
      'hænger',
      'bug',
      'bugs',
      'buggy',
      'glitch*',
      'nedbrud*',
      'down',
      'loading',
      'load',
      'loads',
      'indlæs*',
      'checkout',
      'kurv*',
      'indkøbskurv*',
      'basket',
      'cart',
      'klik*',
      'click*',
      'knap*',
      'button*',
      'opdater*',
      'update*',
      'iphone',
      'android',
      'ios',
      'download*',
      'install*',
      'screen*',
      'skærm*',
      'menu*',
      'search',
      'søgning*',
      'søgefunktion*',
      'filter*',
      'navigat*',
      'interface',
      'design',
      'layout',
      'error*',
      'fejlmeddelelse*',
      'side',
      'sider',
      'page',
      'pages',
    ],
  },
  {
    key: 'account',
    name: { da: 'Login og konto', en: 'Login and account' },
    words: [
      'login*',
      'log',
      'logge*',
      'logger',
      'logget',
      'logind',
      'logon',
      'signin',
      'sign',
      'password*',
      'adgangskode*',
      'kodeord*',
      'kode',
      'koden',
      'pinkode*',
      'konto*',
      '*konto',
      '*kontoen',
      'account*',
      'mitid',
      'nemid',
      'brugernavn*',
      'username*',
      'bruger-id',
      'profil*',
      'profile*',
      'locked',
      'lockout',
      'låst',
      'spærret',
      'reset*',
      'nulstil*',
      'verific*',
      'verify',
      'verificer*',
      'two-factor',
      'totrins*',
      'authenticat*',
      'credentials',
      'adgang',
      'access',
    ],
  },
  {
    key: 'staff',
    name: { da: 'Personale', en: 'Staff' },
    words: [
      'personale*',
      'staff',
      'employee*',
      'ansat',
      'ansatte',
      'medarbejder*',
      'ekspedient*',
      'sælger*',
      'salesperson',
      'rude',
      'rudely',
      'uhøflig*',
      'unfriendly',
      'venlig*',
      'uvenlig*',
      'friendly',
      'høflig*',
      'polite*',
      'impolite',
      'hjælpsom*',
      'helpful',
      'unhelpful',
      'imødekommende',
      'attitude',
      'arrogant*',
      'smil*',
      'smile*',
      'kompetent*',
      'inkompetent*',
      'competent',
      'incompetent',
      'professionel*',
      'professional*',
      'sød',
      'søde',
      'kind',
      'nice',
    ],
  },
  {
    key: 'returns',
    name: { da: 'Retur og refusion', en: 'Returns and refunds' },
    words: [
      'retur*',
      'returner*',
      'return*',
      'refund*',
      'refunder*',
      'refusion*',
      'tilbagebetal*',
      'reimburs*',
      'bytte*',
      'byttet',
      'ombyt*',
      'exchange*',
      'replace*',
      'replacement',
      'reklamation*',
      'reklamer*',
      'fortryd*',
      'fortrydelsesret*',
      'tilbagesend*',
      'returlabel*',
      'returseddel*',
      'label',
      'credit',
      'kreditnota*',
      'annuller*',
      'cancel*',
      'tilbage',
      'back',
    ],
  },
  {
    key: 'billing',
    name: { da: 'Faktura og betaling', en: 'Billing and payment' },
    words: [
      'faktura*',
      '*faktura',
      'invoice*',
      'regning*',
      'bill',
      'billed',
      'billing',
      'charge*',
      'overcharged',
      'opkræv*',
      'trukket',
      'betal*',
      'pay',
      'paid',
      'paying',
      'payment*',
      'kreditkort*',
      'betalingskort*',
      'creditcard',
      'card',
      'mobilepay',
      'paypal',
      'klarna',
      'visa',
      'mastercard',
      'abonnement*',
      'subscription*',
      'transaktion*',
      'transaction*',
      'kvittering*',
      'receipt*',
      'moms',
      'vat',
      'dobbelt',
      'twice',
    ],
  },
  {
    key: 'praise',
    name: { da: 'Ros', en: 'Praise' },
    words: [
      'tak',
      'tusind',
      'thanks',
      'thank',
      'super',
      'fantastisk*',
      'great',
      'excellent',
      'fremragende',
      'love',
      'loved',
      'loving',
      'elsker',
      'elskede',
      'perfekt*',
      'perfect*',
      'tilfreds*',
      'utilfreds*',
      'satisfied',
      'dissatisfied',
      'anbefal*',
      'recommend*',
      'happy',
      'unhappy',
      'glad',
      'dejlig*',
      'amazing',
      'awesome',
      'wonderful',
      'brilliant',
      'best',
      'bedste',
      'top',
      'topkarakter',
      'oplevelse*',
      'experience*',
      'genial',
      'skøn',
      'skønt',
      'wow',
    ],
  },
];

const MIN_TYPO_LENGTH = 5;

interface Index {
  exact: Map<string, number[]>;
  prefixes: { text: string; concept: number }[];
  suffixes: { text: string; concept: number }[];
  /** A whole word and each of its one-letter deletions → the concepts of whole words that give it. */
  near: Map<string, Set<number>>;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < word.length; at++) out.push(word.slice(0, at) + word.slice(at + 1));
  return out;
}

function add(map: Map<string, number[]>, key: string, concept: number): void {
  const list = map.get(key) ?? [];
  if (!list.includes(concept)) list.push(concept);
  map.set(key, list);
}

let index: Index | undefined;
/** The entries indexed once on first use (no work at import time). */
function lexiconIndex(): Index {
  if (index) return index;
  const built: Index = { exact: new Map(), prefixes: [], suffixes: [], near: new Map() };
  CONCEPTS.forEach((concept, number) => {
    for (const entry of concept.words) {
      const word = entry.replace(/^\*|\*$/g, '');
      if (entry.endsWith('*')) built.prefixes.push({ text: word, concept: number });
      else if (entry.startsWith('*')) built.suffixes.push({ text: word, concept: number });
      else add(built.exact, word, number);
      // A slip of the keyboard in a whole word or in a prefix written alone ("refnd" for "refund").
      if (word.length < MIN_TYPO_LENGTH || entry.startsWith('*')) continue;
      for (const key of [word, ...deletions(word)]) {
        const set = built.near.get(key) ?? new Set<number>();
        set.add(number);
        built.near.set(key, set);
      }
    }
  });
  index = built;
  return built;
}

const cache = new Map<string, readonly number[]>();

/** The concepts one written word belongs to (none for most words), ascending. */
export function conceptsOfWord(surface: string, stem?: string): readonly number[] {
  const key = `${surface}|${stem ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { exact, prefixes, suffixes, near } = lexiconIndex();
  const found = new Set<number>();
  for (const form of stem && stem !== surface ? [surface, stem] : [surface])
    for (const concept of exact.get(form) ?? []) found.add(concept);
  for (const { text, concept } of prefixes) if (surface.startsWith(text)) found.add(concept);
  // A suffix is a compound's head: the word must be longer than the head alone.
  for (const { text, concept } of suffixes)
    if (surface.length > text.length && surface.endsWith(text)) found.add(concept);
  if (found.size === 0 && surface.length >= MIN_TYPO_LENGTH)
    for (const form of [surface, ...deletions(surface)]) for (const concept of near.get(form) ?? []) found.add(concept);
  const result = [...found].sort((a, b) => a - b);
  if (cache.size > 100_000) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * A comment's concepts as (concept number, weight) pairs, ascending, unit length: sublinear counts
 * of its words in each concept. Empty when no word is in the lexicon. The tokens are a comment's
 * analysed content words, so masks and stopwords never count.
 */
export function conceptVector(tokens: readonly Token[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const token of tokens)
    for (const concept of conceptsOfWord(token.surface, token.stem))
      counts.set(concept, (counts.get(concept) ?? 0) + 1);
  const entries = [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([concept, count]): [number, number] => [concept, 1 + Math.log(count)]);
  const norm = Math.sqrt(entries.reduce((sum, [, weight]) => sum + weight * weight, 0));
  return norm > 0 ? entries.map(([concept, weight]) => [concept, weight / norm]) : [];
}

/** The concept most of the comments share (ties to the first listed), when at least `minShare` of them hold it. */
export function leadingConcept(docs: readonly { tokens: readonly Token[] }[], minShare: number): Concept | undefined {
  const counts = new Array<number>(CONCEPTS.length).fill(0);
  for (const doc of docs)
    for (const [concept] of conceptVector(doc.tokens)) counts[concept] = (counts[concept] ?? 0) + 1;
  let best = -1;
  for (let concept = 0; concept < counts.length; concept++)
    if (best < 0 || (counts[concept] ?? 0) > (counts[best] ?? 0)) best = concept;
  return best >= 0 && docs.length > 0 && (counts[best] ?? 0) >= minShare * docs.length ? CONCEPTS[best] : undefined;
}
