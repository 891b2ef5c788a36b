import type { Metric } from '@/lib/domain/metrics';

/**
 * What the demo's answers say, touchpoint by touchpoint. An answer is drawn as round(level + spread * z) on the
 * metric's scale (for TTR, exp of it in minutes), so a mover that raises the level or narrows the spread shows as
 * fewer detractors and more promoters from its effective date on. The changes are dated relative to the day of seeding,
 * so their story reads the same whenever the demo is seeded.
 */

/** Touchpoint keys, as an API sender or a CSV would name them. */
export const touchpointKeys: Record<string, string> = {
  'Search and website': 'website',
  'Product page': 'product-page',
  Checkout: 'checkout',
  Payment: 'payment',
  'Courier delivery': 'courier',
  Packaging: 'packaging',
  'Support chat and phone': 'support',
  Returns: 'returns',
};

export interface Series {
  touchpoint: string;
  metric: Metric;
  /** Answers in an average year. */
  perYear: number;
  level: number;
  spread: number;
}

// NEV (emotion) at every touchpoint (004); CSAT where something is ordered or delivered, CES where effort is
// spent, NPS after the purchase. TTR comes from the helpdesk's exports, not from a survey.
export const series: Series[] = [
  { touchpoint: 'Search and website', metric: 'nev', perYear: 4000, level: 6.6, spread: 2.2 },
  { touchpoint: 'Search and website', metric: 'ces', perYear: 2000, level: 4.9, spread: 1.5 },
  { touchpoint: 'Product page', metric: 'nev', perYear: 2500, level: 6.9, spread: 2.0 },
  { touchpoint: 'Product page', metric: 'csat', perYear: 2000, level: 3.9, spread: 1.0 },
  { touchpoint: 'Checkout', metric: 'nev', perYear: 3000, level: 6.0, spread: 2.3 },
  { touchpoint: 'Checkout', metric: 'ces', perYear: 5000, level: 4.5, spread: 1.6 },
  { touchpoint: 'Checkout', metric: 'csat', perYear: 2500, level: 3.8, spread: 1.1 },
  { touchpoint: 'Payment', metric: 'nev', perYear: 1500, level: 6.8, spread: 2.0 },
  { touchpoint: 'Payment', metric: 'ces', perYear: 2000, level: 5.3, spread: 1.4 },
  { touchpoint: 'Courier delivery', metric: 'nev', perYear: 2500, level: 6.3, spread: 2.4 },
  { touchpoint: 'Courier delivery', metric: 'csat', perYear: 5000, level: 4.0, spread: 0.95 },
  { touchpoint: 'Courier delivery', metric: 'nps', perYear: 5000, level: 7.8, spread: 2.4 },
  { touchpoint: 'Packaging', metric: 'nev', perYear: 3000, level: 7.0, spread: 2.0 },
  { touchpoint: 'Packaging', metric: 'csat', perYear: 1500, level: 4.2, spread: 0.9 },
  { touchpoint: 'Support chat and phone', metric: 'nev', perYear: 2000, level: 6.2, spread: 2.4 },
  { touchpoint: 'Support chat and phone', metric: 'ces', perYear: 2000, level: 4.6, spread: 1.7 },
  { touchpoint: 'Support chat and phone', metric: 'csat', perYear: 2500, level: 3.8, spread: 1.1 },
  { touchpoint: 'Support chat and phone', metric: 'nps', perYear: 1500, level: 7.6, spread: 2.5 },
  { touchpoint: 'Returns', metric: 'nev', perYear: 1000, level: 5.8, spread: 2.5 },
  { touchpoint: 'Returns', metric: 'csat', perYear: 1000, level: 3.6, spread: 1.2 },
  { touchpoint: 'Returns', metric: 'nps', perYear: 800, level: 7.3, spread: 2.6 },
];

/** Time to resolution at support, from the helpdesk: log-normal minutes, median about 30 hours at first. */
export const ttrSeries: Series = {
  touchpoint: 'Support chat and phone',
  metric: 'ttr',
  perYear: 4000,
  level: Math.log(30 * 60),
  spread: 0.8,
};

/** Offline touchpoints answer when a parcel arrives: hardly on Sundays. Index 0 = Sunday. */
export const weekdayVolume: Record<'online' | 'parcel' | 'support', number[]> = {
  online: [0.95, 1.15, 1.1, 1.05, 1.0, 0.9, 0.85],
  parcel: [0.15, 1.25, 1.2, 1.15, 1.15, 1.1, 0.6],
  support: [0.35, 1.3, 1.25, 1.2, 1.15, 1.05, 0.7],
};
export const volumeKind: Record<string, keyof typeof weekdayVolume> = {
  'Courier delivery': 'parcel',
  Packaging: 'parcel',
  Returns: 'parcel',
  'Support chat and phone': 'support',
};

/** How the survey reached the customer, per touchpoint. */
export const channels: Record<string, string[]> = {
  'Search and website': ['web', 'web', 'app'],
  'Product page': ['web', 'web', 'app'],
  Checkout: ['web', 'app'],
  Payment: ['web', 'app'],
  'Courier delivery': ['sms', 'email'],
  Packaging: ['email', 'parcel QR'],
  'Support chat and phone': ['chat', 'chat', 'phone', 'email'],
  Returns: ['email', 'shop'],
};
export const personas = ['Busy parent', 'Student', 'Book collector', 'Gift buyer'];

/**
 * Changes that moved their declared metric at their touchpoints, from the day they took effect (building up over a
 * few days): a weekly improvement, a done plan item or a lever in effect, found by its title (a lever's name). Each
 * moves only the metric it declares, as the impact model assumes; every other change has no effect. level: the shift
 * of the latent score (TTR: of ln minutes); spread: a factor on its spread (below 1: fewer extreme answers).
 */
export interface Mover {
  kind: 'weekly' | 'plan' | 'lever';
  title: string;
  metric: Metric;
  level: number;
  spread?: number;
}
export const movers: Mover[] = [
  // All real. With the default windows the cards call Ready answers, the bookmark, the two-hour SMS and guest checkout
  // better and the sign-in worse. The four-hour SMS window moved NPS too, but NPS is asked at three touchpoints only:
  // its comparison is thin and its card stays inconclusive.
  { kind: 'weekly', title: 'SMS with time window', metric: 'nps', level: 0.7, spread: 0.7 },
  { kind: 'weekly', title: 'Ready answers for delivery questions', metric: 'csat', level: 0.55, spread: 0.8 },
  { kind: 'weekly', title: 'Bookmark in every parcel', metric: 'nev', level: 1.4, spread: 0.9 },
  // Readers had to create an account before paying; five weeks later guest checkout came back.
  { kind: 'weekly', title: 'Sign-in required before checkout', metric: 'ces', level: -0.8 },
  { kind: 'weekly', title: 'Guest checkout is back', metric: 'ces', level: 0.8 },
  { kind: 'plan', title: "SMS with the courier's two-hour window", metric: 'csat', level: 0.6, spread: 0.75 },
  { kind: 'plan', title: 'Show the delivery cost on the product page', metric: 'ces', level: 0.9, spread: 0.85 },
  { kind: 'plan', title: 'Knowledge base for the 20 most asked questions', metric: 'ttr', level: Math.log(0.7) },
  // Levers (seed-levers.ts), found by their name: both cards are clearly better. Flexible delivery acts at checkout
  // only: courier CSAT is the goal's target, and the SMS plan item's card needs room to move it.
  { kind: 'lever', title: 'Flexible delivery options', metric: 'csat', level: 0.6, spread: 0.75 },
  { kind: 'lever', title: 'Contact details hidden on the website', metric: 'ces', level: 0.7 },
];

/**
 * A shift shared by every touchpoint: Marketing's campaign (a weekly improvement without touchpoints) made readers
 * feel better everywhere for six weeks and brought more answers. The Website's "Staff picks shelf on the home page",
 * logged the same week, looks better before and after at its touchpoint, yet the rise is the campaign's: every
 * touchpoint rose alike, and the impact model's shared week shifts take it out.
 */
export const campaign = {
  title: 'Six weeks of free delivery and a gift e-book with every order',
  days: 42,
  shifts: { nev: 1.1 } as Partial<Record<Metric, number>>,
  volume: 1.2,
};

/** The Christmas rush, every year: parcels run late and queues grow, and every touchpoint dips alike (a season). */
export const holidayPeak = { dip: -0.5 };

export interface DemoComment {
  touchpoint: string;
  metric: Metric;
  score: number;
  daysAgo: number;
  text: string;
}

export const comments: DemoComment[] = [
  {
    touchpoint: 'Courier delivery',
    metric: 'nps',
    score: 10,
    daysAgo: 2,
    text: 'The SMS told me the two-hour window and the courier came right in the middle of it. Perfect.',
  },
  {
    touchpoint: 'Courier delivery',
    metric: 'nps',
    score: 3,
    daysAgo: 6,
    text: 'Waited at home all Saturday and the parcel came on Monday. Nobody called.',
  },
  {
    touchpoint: 'Courier delivery',
    metric: 'csat',
    score: 5,
    daysAgo: 4,
    text: 'Friendly courier, books in perfect shape.',
  },
  {
    touchpoint: 'Courier delivery',
    metric: 'csat',
    score: 2,
    daysAgo: 15,
    text: 'The courier left the parcel with a neighbour without asking me.',
  },
  {
    touchpoint: 'Courier delivery',
    metric: 'nev',
    score: 9,
    daysAgo: 9,
    text: 'Knowing exactly when it would arrive made my day easier.',
  },
  {
    touchpoint: 'Courier delivery',
    metric: 'nps',
    score: 7,
    daysAgo: 40,
    text: 'Fine, but the delivery date on the site was a day too optimistic.',
  },
  {
    touchpoint: 'Courier delivery',
    metric: 'nps',
    score: 1,
    daysAgo: 340,
    text: 'Christmas present arrived on the 29th. Too late, very disappointed.',
  },
  {
    touchpoint: 'Courier delivery',
    metric: 'csat',
    score: 4,
    daysAgo: 120,
    text: 'On time, but I had to call the courier to find my entrance.',
  },
  {
    touchpoint: 'Packaging',
    metric: 'nev',
    score: 10,
    daysAgo: 3,
    text: 'The bookmark with a handwritten note was such a lovely surprise!',
  },
  {
    touchpoint: 'Packaging',
    metric: 'nev',
    score: 4,
    daysAgo: 22,
    text: 'One corner of the hardback was bent. A bit more padding, please.',
  },
  {
    touchpoint: 'Packaging',
    metric: 'csat',
    score: 5,
    daysAgo: 11,
    text: 'Beautifully packed, no plastic. Thank you.',
  },
  { touchpoint: 'Packaging', metric: 'nev', score: 8, daysAgo: 75, text: 'Neat and tidy, the gift looked great.' },
  {
    touchpoint: 'Checkout',
    metric: 'ces',
    score: 7,
    daysAgo: 1,
    text: 'Saw the delivery price before I started checking out. No surprises this time.',
  },
  {
    touchpoint: 'Checkout',
    metric: 'ces',
    score: 2,
    daysAgo: 30,
    text: 'The delivery fee only appeared at the very last step. I almost left.',
  },
  {
    touchpoint: 'Checkout',
    metric: 'ces',
    score: 3,
    daysAgo: 52,
    text: 'Too many steps, and it made me create an account.',
  },
  {
    touchpoint: 'Checkout',
    metric: 'csat',
    score: 4,
    daysAgo: 8,
    text: 'Quick, though the promo code field is hard to find.',
  },
  {
    touchpoint: 'Checkout',
    metric: 'nev',
    score: 2,
    daysAgo: 180,
    text: 'The page froze after I paid and I did not know if the order went through.',
  },
  { touchpoint: 'Checkout', metric: 'nev', score: 9, daysAgo: 5, text: 'Easy and calm, like it should be.' },
  { touchpoint: 'Payment', metric: 'ces', score: 6, daysAgo: 13, text: 'Card payment worked first time.' },
  {
    touchpoint: 'Payment',
    metric: 'ces',
    score: 1,
    daysAgo: 95,
    text: 'My card was declined twice and I had to type everything again.',
  },
  { touchpoint: 'Payment', metric: 'nev', score: 5, daysAgo: 33, text: 'Cash on delivery would be nice for gifts.' },
  {
    touchpoint: 'Search and website',
    metric: 'nev',
    score: 8,
    daysAgo: 7,
    text: 'Found the book even though I spelled the author wrong.',
  },
  {
    touchpoint: 'Search and website',
    metric: 'ces',
    score: 3,
    daysAgo: 60,
    text: 'Hard to see which editions are in stock.',
  },
  {
    touchpoint: 'Search and website',
    metric: 'nev',
    score: 3,
    daysAgo: 250,
    text: 'The category pages are very slow on my phone.',
  },
  {
    touchpoint: 'Product page',
    metric: 'csat',
    score: 5,
    daysAgo: 10,
    text: 'Reviews were really helpful in choosing between two translations.',
  },
  {
    touchpoint: 'Product page',
    metric: 'csat',
    score: 2,
    daysAgo: 45,
    text: 'It said in stock, but the paperback was not.',
  },
  {
    touchpoint: 'Product page',
    metric: 'nev',
    score: 7,
    daysAgo: 20,
    text: 'Good descriptions, I would like to see a few pages inside.',
  },
  {
    touchpoint: 'Support chat and phone',
    metric: 'csat',
    score: 5,
    daysAgo: 1,
    text: 'Marta answered in a minute and knew exactly where my parcel was.',
  },
  {
    touchpoint: 'Support chat and phone',
    metric: 'csat',
    score: 1,
    daysAgo: 100,
    text: 'Three days and still no answer to my email.',
  },
  {
    touchpoint: 'Support chat and phone',
    metric: 'csat',
    score: 4,
    daysAgo: 18,
    text: 'Helpful, but I had to explain my order twice.',
  },
  { touchpoint: 'Support chat and phone', metric: 'ces', score: 7, daysAgo: 3, text: 'One message and it was solved.' },
  {
    touchpoint: 'Support chat and phone',
    metric: 'ces',
    score: 2,
    daysAgo: 130,
    text: 'I was passed between three people before anyone could help.',
  },
  {
    touchpoint: 'Support chat and phone',
    metric: 'nev',
    score: 10,
    daysAgo: 12,
    text: 'They called me back when they said they would. That rarely happens anywhere.',
  },
  {
    touchpoint: 'Support chat and phone',
    metric: 'nev',
    score: 3,
    daysAgo: 200,
    text: 'Felt like nobody cared that my order was lost.',
  },
  {
    touchpoint: 'Support chat and phone',
    metric: 'nps',
    score: 9,
    daysAgo: 25,
    text: 'Support is the reason I keep ordering here.',
  },
  {
    touchpoint: 'Support chat and phone',
    metric: 'nps',
    score: 6,
    daysAgo: 70,
    text: 'Polite, but the chat closes too early in the evening.',
  },
  {
    touchpoint: 'Returns',
    metric: 'csat',
    score: 2,
    daysAgo: 14,
    text: 'Ten days to get my money back is far too long.',
  },
  {
    touchpoint: 'Returns',
    metric: 'csat',
    score: 4,
    daysAgo: 38,
    text: 'Easy to send back, the label was in the parcel.',
  },
  {
    touchpoint: 'Returns',
    metric: 'nps',
    score: 8,
    daysAgo: 55,
    text: 'No questions asked about the return, which I appreciated.',
  },
  {
    touchpoint: 'Returns',
    metric: 'nev',
    score: 4,
    daysAgo: 27,
    text: 'I had to ask twice about the status of my refund.',
  },
  { touchpoint: 'Returns', metric: 'nps', score: 2, daysAgo: 150, text: 'The refund took almost a month.' },
];
