import type { Language } from '../../shared/language.ts';

/**
 * The demo's year as a story: what customers complained about in each review period, what the team
 * decided and what became of it. Feedback, boards and actions are all made from this one plan, so
 * the themes a team grouped are the ones its customers wrote about, and a complaint fades in the
 * periods after its action is done. Period i is the feedback a review i reads (0 = a year ago,
 * 12 = what has arrived since the last review, for the one prepared next).
 */

export type ThemeKey = 'delivery' | 'shipping' | 'waiting' | 'app' | 'invoice' | 'returns' | 'sizing' | 'friendly';
type Text = Record<Language, string>;

export interface StoryTheme {
  name: Text;
  /** What a customer writes (each text belongs to one theme only, so a card's theme is known from it). */
  quotes: Record<Language, string[]>;
  /** What the team writes on those cards while reading. */
  comments: Record<Language, string[]>;
  /** Complaints per period, 0–12; a praise theme counts promoters instead. */
  perPeriod: number[];
  metric: 'nps' | 'csat';
  praise?: boolean;
}

export const THEMES: Record<ThemeKey, StoryTheme> = {
  delivery: {
    name: { da: 'Levering', en: 'Delivery' },
    quotes: {
      da: [
        'Pakken kom fem dage for sent, og ingen sagde noget',
        'Levering tog over en uge – det var en gave',
        'Pakken blev stillet hos naboen uden besked',
        'Jeg kunne ikke se, hvor min pakke var',
        'Anden gang at leveringen er forsinket',
      ],
      en: [
        'The parcel came five days late and nobody told me',
        'Delivery took over a week – it was a present',
        'The parcel was left with a neighbour without a note',
        'I could not see where my parcel was',
        'Second time my delivery has been late',
      ],
    },
    comments: {
      da: [
        'Igen! Det er tredje måned i træk',
        'Kunne et sporingslink have reddet den her?',
        'Vi lovede 2 dage på siden',
        'Den her gør ondt at læse',
      ],
      en: [
        'Again! Third month running',
        'Would a tracking link have saved this one?',
        'We promise two days on the site',
        'This one hurts to read',
      ],
    },
    perPeriod: [9, 10, 8, 5, 2, 1, 1, 4, 7, 3, 1, 1, 4],
    metric: 'nps',
  },
  shipping: {
    name: { da: 'Fragtpris', en: 'Shipping cost' },
    quotes: {
      da: [
        '49,95 kr. i fragt for en lille pakke er for meget',
        'Fragten kostede næsten det samme som varen',
        'Jeg droppede kurven, da jeg så fragtprisen',
        'Hvorfor er der ikke fri fragt?',
      ],
      en: [
        '£4.95 shipping for a small parcel is too much',
        'Shipping cost almost as much as the item',
        'I abandoned my basket when I saw the shipping',
        'Why is there no free shipping?',
      ],
    },
    comments: {
      da: [
        'Konkurrenterne har fri fragt over 499 kr.',
        'Det her ser vi også i chatten',
        'Kan vi vise prisen tidligere?',
      ],
      en: ['Competitors ship free over £40', 'We hear this in chat too', 'Could we show the price earlier?'],
    },
    perPeriod: [1, 3, 7, 8, 6, 3, 1, 1, 0, 1, 0, 0, 0],
    metric: 'nps',
  },
  waiting: {
    name: { da: 'Ventetid', en: 'Waiting time' },
    quotes: {
      da: [
        'Ventede 40 minutter i telefonkøen',
        'Helt okay, men ventetiden i telefonen var lang',
        'Ingen svarede på min mail i fire dage',
        'Lagde på efter en halv time i kø',
      ],
      en: [
        'Waited 40 minutes in the phone queue',
        'Fine, but the wait on the phone was long',
        'Nobody answered my email for four days',
        'Hung up after half an hour in the queue',
      ],
    },
    comments: {
      da: [
        'Mandag formiddag er værst',
        'Vi er kun to på telefonen om morgenen',
        'Kunne vi ringe tilbage i stedet?',
        'Chatten ville tage det meste af det her',
      ],
      en: [
        'Monday mornings are the worst',
        'Only two of us on the phone in the morning',
        'Could we call back instead?',
        'Chat would take most of this',
      ],
    },
    perPeriod: [5, 5, 4, 6, 7, 8, 7, 6, 3, 1, 1, 2, 1],
    metric: 'csat',
  },
  app: {
    name: { da: 'Betaling i appen', en: 'App checkout' },
    quotes: {
      da: [
        'Appen lukker, når jeg betaler',
        'MobilePay-knappen virker ikke i appen',
        'Måtte bestille på computeren, fordi appen fejlede',
      ],
      en: [
        'The app closes when I pay',
        'The pay button does nothing in the app',
        'Had to order on my laptop because the app failed',
      ],
    },
    comments: {
      da: ['Kun på Android?', 'Den her koster os salg hver dag'],
      en: ['Only on Android?', 'This costs us sales every day'],
    },
    perPeriod: [0, 1, 2, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0],
    metric: 'csat',
  },
  invoice: {
    name: { da: 'Faktura', en: 'Invoices' },
    quotes: {
      da: [
        'Fakturaen var forkert – igen',
        'Der stod et andet navn på min faktura',
        'Rabatten var ikke trukket fra på fakturaen',
      ],
      en: [
        'The invoice was wrong – again',
        'Someone else’s name was on my invoice',
        'The discount was missing from the invoice',
      ],
    },
    comments: {
      da: ['Det er skabelonen, ikke os', 'Bogholderiet kender den godt'],
      en: ['It is the template, not us', 'Accounts know this one'],
    },
    perPeriod: [0, 0, 0, 1, 2, 5, 4, 1, 0, 0, 0, 0, 0],
    metric: 'csat',
  },
  returns: {
    name: { da: 'Returnering', en: 'Returns' },
    quotes: {
      da: [
        'Det var besværligt at sende varen retur',
        'Jeg skulle selv printe en returlabel',
        'Pengene for min retur kom først efter tre uger',
        'Ingen kvittering, da jeg sendte pakken retur',
        'Returportalen bad om et ordrenummer, jeg ikke havde',
      ],
      en: [
        'Sending the item back was a hassle',
        'I had to print a return label myself',
        'My refund took three weeks',
        'No receipt when I sent the parcel back',
        'The returns portal asked for an order number I did not have',
      ],
    },
    comments: {
      da: ['Mange har ingen printer', 'Returlabel i pakken?', 'Refusion tager for lang tid'],
      en: ['Many people have no printer', 'A label in the parcel?', 'Refunds take too long'],
    },
    perPeriod: [0, 0, 0, 0, 0, 1, 1, 3, 5, 6, 4, 3, 6],
    metric: 'csat',
  },
  sizing: {
    name: { da: 'Størrelser', en: 'Sizing' },
    quotes: {
      da: [
        'Størrelsen passede slet ikke med guiden',
        'Jeg måtte bytte to gange for at få den rigtige størrelse',
        'Medium hos jer er en small alle andre steder',
        'Der stod ingen mål på jakken',
        'Bukserne var 5 cm for korte i forhold til guiden',
      ],
      en: [
        'The size did not match the guide at all',
        'I had to exchange twice to get the right size',
        'Your medium is a small everywhere else',
        'No measurements for the jacket anywhere',
        'The trousers were 5 cm shorter than the guide said',
      ],
    },
    comments: {
      da: ['Guiden er fra før vi skiftede leverandør', 'Kunne vi bruge kundernes egne mål?'],
      en: ['The guide predates the new supplier', 'Could we use customers’ own measurements?'],
    },
    perPeriod: [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 5, 9],
    metric: 'csat',
  },
  friendly: {
    name: { da: 'Venlig betjening', en: 'Friendly service' },
    quotes: {
      da: [
        'Medarbejderen gik den ekstra mil – tak!',
        'Super god og venlig hjælp i telefonen',
        'Sara i kundeservice løste det på to minutter',
        'Hurtig levering og en sød hilsen i pakken',
        'Nem bestilling, og alt kom dagen efter',
        'I ringede selv tilbage, før jeg nåede at rykke',
        'Chatten svarede med det samme og var rigtig flink',
        'Jeg blev hjulpet, selvom fejlen var min egen',
        'Sporingslinket gjorde det nemt at være hjemme',
      ],
      en: [
        'The agent went the extra mile – thank you!',
        'Really friendly help on the phone',
        'Grace in customer care sorted it in two minutes',
        'Fast delivery and a lovely note in the parcel',
        'Easy to order and everything came the next day',
        'You called me back before I had to chase',
        'The chat answered at once and was really kind',
        'They helped even though the mistake was mine',
        'The tracking link made it easy to be home',
      ],
    },
    comments: {
      da: ['Den her skal på tavlen i kantinen', 'Sådan vil vi gerne lyde', 'Tak, Sara!'],
      en: ['This one goes on the board in the kitchen', 'This is how we want to sound', 'Well done, Grace!'],
    },
    perPeriod: [6, 6, 6, 7, 8, 9, 10, 10, 11, 13, 14, 15, 9],
    metric: 'nps',
    praise: true,
  },
};

/** Neutral words that belong to no theme, so the unthemed pool is never empty. */
export const OTHER_QUOTES: Record<Language, string[]> = {
  da: [
    'Fin oplevelse, intet særligt',
    'Varen var som beskrevet',
    'Okay pris, okay kvalitet',
    'Det virker, men kunne være nemmere',
    'Godt nok, men ikke noget jeg fortæller videre',
    'Lidt svært at finde rundt på siden',
  ],
  en: [
    'Fine, nothing special',
    'The item was as described',
    'Fair price, fair quality',
    'It works, but could be easier',
    'Good enough, nothing to tell friends about',
    'The site is a bit hard to find your way around',
  ],
};

/** Which themes each review groups (from its period's feedback), most talked about first. */
export const REVIEW_THEMES: ThemeKey[][] = [
  ['delivery', 'waiting', 'friendly'],
  ['delivery', 'waiting', 'shipping'],
  ['shipping', 'delivery', 'waiting'],
  ['shipping', 'waiting', 'app'],
  ['waiting', 'app', 'shipping', 'friendly'],
  ['waiting', 'invoice', 'friendly'],
  ['waiting', 'invoice', 'friendly'],
  ['delivery', 'waiting', 'returns'],
  ['delivery', 'returns', 'friendly'],
  ['returns', 'friendly', 'sizing'],
  ['returns', 'sizing', 'friendly'],
  ['sizing', 'returns', 'friendly'],
];

/** Who owns an action, by place in the team's roster (0 = the lead). */
export type OwnerSlot = number;

/** What the review prepared for next week will group, should it be played (the screenshots do). */
export const NEXT_THEMES: ThemeKey[] = ['sizing', 'returns', 'friendly', 'delivery'];

/** What happens to an action after it was decided: a status change, on the board or in the tracker. */
export interface StoryMove {
  /** In the follow-up step of this review, or in the tracker this many days after that review. */
  at: { review: number; step: 'followup' } | { review: number; daysAfter: number };
  to: 'in_progress' | 'done' | 'dropped';
  reason?: Text;
  note?: Text;
}

export interface StoryAction {
  review: number;
  theme: ThemeKey;
  title: Text;
  owner: OwnerSlot;
  metric: 'nps' | 'csat';
  moves: StoryMove[];
}

export const ACTIONS: StoryAction[] = [
  {
    review: 0,
    theme: 'delivery',
    owner: 2,
    metric: 'nps',
    title: { da: 'Sporingslink i ordremailen', en: 'Tracking link in the order email' },
    moves: [
      { at: { review: 0, daysAfter: 3 }, to: 'in_progress' },
      {
        at: { review: 1, step: 'followup' },
        to: 'done',
        note: { da: 'Live for alle ordrer', en: 'Live for every order' },
      },
    ],
  },
  {
    review: 1,
    theme: 'delivery',
    owner: 0,
    metric: 'nps',
    title: {
      da: 'Ny aftale med fragtfirmaet om levering inden for to dage',
      en: 'New carrier agreement: delivery within two days',
    },
    moves: [
      {
        at: { review: 1, daysAfter: 6 },
        to: 'in_progress',
        note: { da: 'Møde med fragtfirmaet på torsdag', en: 'Meeting the carrier on Thursday' },
      },
      {
        at: { review: 2, step: 'followup' },
        to: 'done',
        note: { da: 'Aftalen er underskrevet', en: 'The agreement is signed' },
      },
    ],
  },
  {
    review: 2,
    theme: 'shipping',
    owner: 3,
    metric: 'nps',
    title: { da: 'Fri fragt ved køb over 499 kr.', en: 'Free shipping on orders over £40' },
    moves: [
      { at: { review: 3, step: 'followup' }, to: 'in_progress' },
      { at: { review: 4, step: 'followup' }, to: 'done' },
    ],
  },
  {
    review: 3,
    theme: 'app',
    owner: 1,
    metric: 'csat',
    title: { da: 'Ret fejlen ved betaling i appen', en: 'Fix the crash at checkout in the app' },
    moves: [
      { at: { review: 3, daysAfter: 9 }, to: 'done', note: { da: 'Rettet i version 4.2', en: 'Fixed in version 4.2' } },
    ],
  },
  {
    review: 4,
    theme: 'waiting',
    owner: 4,
    metric: 'csat',
    title: { da: 'Tilbyd at ringe kunden op i telefonkøen', en: 'Offer a call-back in the phone queue' },
    moves: [
      { at: { review: 5, step: 'followup' }, to: 'in_progress' },
      {
        at: { review: 6, step: 'followup' },
        to: 'dropped',
        reason: {
          da: 'Telefonsystemet kan ikke ringe op; vi prøver chat i stedet',
          en: 'The phone system cannot call back; we try chat instead',
        },
      },
    ],
  },
  {
    review: 5,
    theme: 'invoice',
    owner: 2,
    metric: 'csat',
    title: { da: 'Gennemgå fakturaskabelonen med bogholderiet', en: 'Review the invoice template with accounts' },
    moves: [{ at: { review: 5, daysAfter: 14 }, to: 'done' }],
  },
  {
    review: 6,
    theme: 'waiting',
    owner: 1,
    metric: 'nps',
    title: { da: 'Chat på hjemmesiden i åbningstiden', en: 'Chat on the website in opening hours' },
    moves: [
      { at: { review: 6, daysAfter: 5 }, to: 'in_progress' },
      {
        at: { review: 7, step: 'followup' },
        to: 'done',
        note: { da: 'Chatten tager nu en tredjedel af henvendelserne', en: 'Chat now takes a third of all contacts' },
      },
    ],
  },
  {
    review: 7,
    theme: 'delivery',
    owner: 0,
    metric: 'nps',
    title: { da: 'Ekstra pakkehjælp i de travle uger', en: 'Extra packing help in the busy weeks' },
    moves: [{ at: { review: 8, step: 'followup' }, to: 'done' }],
  },
  {
    review: 8,
    theme: 'returns',
    owner: 3,
    metric: 'csat',
    title: { da: 'Returlabel med i pakken', en: 'A return label in every parcel' },
    moves: [
      {
        at: { review: 9, step: 'followup' },
        to: 'in_progress',
        note: { da: 'Venter på ny printer på lageret', en: 'Waiting for a new printer in the warehouse' },
      },
    ],
  },
  {
    review: 9,
    theme: 'friendly',
    owner: 4,
    metric: 'nps',
    title: { da: 'Svar på alle anmeldelser inden for et døgn', en: 'Answer every review within a day' },
    moves: [{ at: { review: 9, daysAfter: 10 }, to: 'done' }],
  },
  {
    // Decided, never started, its due date (the day before review 11) long past: overdue.
    review: 10,
    theme: 'sizing',
    owner: 2,
    metric: 'csat',
    title: { da: 'Opdater størrelsesguiden på produktsiderne', en: 'Update the size guide on the product pages' },
    moves: [],
  },
  {
    review: 11,
    theme: 'returns',
    owner: 5,
    metric: 'csat',
    title: { da: 'Skriv en kort returvejledning til pakken', en: 'Write a short returns guide for the parcel' },
    moves: [
      { at: { review: 11, daysAfter: 4 }, to: 'in_progress' },
      {
        at: { review: 11, daysAfter: 14 },
        to: 'done',
        note: { da: 'Vejledningen ligger nu i alle pakker', en: 'The guide is in every parcel now' },
      },
    ],
  },
  {
    // Due the day before the review prepared for next week: still open, not yet overdue.
    review: 11,
    theme: 'sizing',
    owner: 0,
    metric: 'csat',
    title: { da: 'Ring til tre kunder, der har byttet størrelse', en: 'Call three customers who exchanged a size' },
    moves: [],
  },
];

export interface Person {
  email: string;
  name: string;
  role: 'lead' | 'facilitator' | 'member';
}

export interface TeamStory {
  name: string;
  slug: string;
  language: Language;
  timezone: string;
  /** The roster; slot 0 leads, slot 1 facilitates (the order action owners refer to). */
  people: Person[];
  /** How many days from today the next review is, the one prepared now. */
  nextInDays: number;
  time: string;
}

export const TEAMS: TeamStory[] = [
  {
    name: 'Kundeservice',
    slug: 'kundeservice',
    language: 'da',
    timezone: 'Europe/Copenhagen',
    nextInDays: 7,
    time: '10:00',
    people: [
      { email: 'mette@demo.kadence', name: 'Mette Lund', role: 'lead' },
      { email: 'jonas@demo.kadence', name: 'Jonas Holm', role: 'facilitator' },
      { email: 'sara@demo.kadence', name: 'Sara Nielsen', role: 'member' },
      { email: 'peter@demo.kadence', name: 'Peter Madsen', role: 'member' },
      { email: 'anna@demo.kadence', name: 'Anna Larsen', role: 'member' },
      { email: 'mads@demo.kadence', name: 'Mads Østergaard', role: 'member' },
      { email: 'sofie@demo.kadence', name: 'Sofie Jensen', role: 'member' },
    ],
  },
  {
    name: 'Webshop UK',
    slug: 'webshop',
    language: 'en',
    timezone: 'Europe/London',
    nextInDays: 9,
    time: '14:00',
    people: [
      { email: 'peter@demo.kadence', name: 'Peter Madsen', role: 'lead' },
      { email: 'emma@demo.kadence', name: 'Emma Clarke', role: 'facilitator' },
      { email: 'grace@demo.kadence', name: 'Grace Taylor', role: 'member' },
      { email: 'oliver@demo.kadence', name: 'Oliver Hughes', role: 'member' },
      { email: 'liam@demo.kadence', name: 'Liam Walsh', role: 'member' },
      { email: 'mette@demo.kadence', name: 'Mette Lund', role: 'member' },
    ],
  },
];

export const DEMO_PASSWORD = 'kadence-demo';
export const ADMIN_EMAIL = 'mette@demo.kadence';
/** Held reviews per team: a year of them. */
export const HELD_REVIEWS = 12;
