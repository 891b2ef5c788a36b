/**
 * The demo's idea board: front-line ideas in every status. The improvements of the weekly story that came from an
 * idea each have theirs (shipped, see seed-ideas.ts); these are the others, from new to declined, with two
 * duplicates merged into the idea that stays. Authors are demo emails; `anonymous` ideas name nobody to others.
 */
import type { IdeaStatus } from '@/lib/domain/ideas';

/** Staff colleagues of the demo people: they submit, vote and comment. Same password as the demo logins. */
export const demoColleagues = [
  { email: 'sofiia@demo.test', name: 'Sofiia Tkachenko', department: 'Customer support' },
  { email: 'oleh@demo.test', name: 'Oleh Kravchenko', department: 'Warehouse' },
  { email: 'nadiia@demo.test', name: 'Nadiia Boiko', department: 'Delivery' },
  { email: 'yurii@demo.test', name: 'Yurii Moroz', department: 'Website' },
  { email: 'kateryna@demo.test', name: 'Kateryna Polishchuk', department: 'Marketing' },
  { email: 'dmytro@demo.test', name: 'Dmytro Savchenko', department: 'Finance' },
] as const;

export interface DemoIdea {
  key: string;
  title: string;
  today: string;
  change: string;
  department: string;
  touchpoint?: string;
  author: string;
  anonymous?: boolean;
  weeksAgo: number;
  /** The statuses it went through after "new", each with who moved it and the official reply. */
  path: { status: IdeaStatus; by: string; reply?: string }[];
  votes: number;
  comments?: { by: string; body: string }[];
  /** A duplicate: merged into the idea with this key. */
  mergedInto?: string;
}

const exec = 'exec@demo.test';
const supportLead = 'lead@demo.test';
const deliveryLead = 'delivery@demo.test';
const itLead = 'it@demo.test';

export const ideaStory: DemoIdea[] = [
  {
    key: 'preorder',
    title: 'Tell readers the day a pre-order ships',
    today: 'Readers who pre-order a book hear nothing until it arrives, and write to support to ask.',
    change: 'Send an email with the shipping day as soon as the publisher confirms it.',
    department: 'Website',
    touchpoint: 'Product page',
    author: 'yurii@demo.test',
    weeksAgo: 2,
    path: [],
    votes: 6,
    comments: [{ by: 'sofiia@demo.test', body: 'We get about ten chats a week asking exactly this.' }],
  },
  {
    key: 'preorder-dup',
    title: 'Pre-order shipping email',
    today: 'Pre-order customers ask us when their book will come.',
    change: 'Email them when it ships.',
    department: 'Website',
    author: 'staff@demo.test',
    weeksAgo: 1,
    path: [],
    votes: 2,
    mergedInto: 'preorder',
  },
  {
    key: 'gift-wrap',
    title: 'Gift wrapping option at checkout',
    today: 'Readers buying a gift wrap it themselves or ask us by email, and we miss half of the requests.',
    change: 'A "wrap it as a gift" box at checkout, with a message field.',
    department: 'Website',
    touchpoint: 'Checkout',
    author: 'kateryna@demo.test',
    anonymous: true,
    weeksAgo: 1,
    path: [],
    votes: 4,
  },
  {
    key: 'locker-reminder',
    title: 'Reminder before the parcel locker time runs out',
    today: 'Parcels go back from the locker after three days and readers only learn it when they come.',
    change: 'An SMS on the second day: "your book waits until tomorrow 20:00".',
    department: 'Delivery',
    touchpoint: 'Courier delivery',
    author: 'nadiia@demo.test',
    weeksAgo: 0,
    path: [],
    votes: 3,
  },
  {
    key: 'chat-languages',
    title: 'Answer chats in English too',
    today: 'Readers abroad write in English and wait for the one agent who answers in it.',
    change: 'Every agent answers in English with prepared replies for the common questions.',
    department: 'Customer support',
    touchpoint: 'Support chat and phone',
    author: 'sofiia@demo.test',
    weeksAgo: 0,
    path: [],
    votes: 1,
  },
  {
    key: 'delivery-date',
    title: 'Show the delivery date on the product page',
    today: 'Readers see "2-4 days" and ask whether the book arrives before the weekend.',
    change: 'Show "arrives by Thursday" from the courier’s own estimate.',
    department: 'Website',
    touchpoint: 'Product page',
    author: 'yurii@demo.test',
    weeksAgo: 4,
    path: [
      { status: 'under_review', by: exec, reply: 'We are checking whether the courier API gives a date we can trust.' },
    ],
    votes: 8,
    comments: [
      { by: 'nadiia@demo.test', body: 'The courier gives a date for most cities, not for villages.' },
      { by: 'yurii@demo.test', body: 'Then show it only where they give one.' },
    ],
  },
  {
    key: 'change-address',
    title: 'Change the delivery address after ordering',
    today: 'A reader who moves or travels must cancel the order and buy again.',
    change: 'Allow an address change until the parcel leaves the warehouse.',
    department: 'Delivery',
    touchpoint: 'Courier delivery',
    author: 'nadiia@demo.test',
    weeksAgo: 5,
    path: [{ status: 'under_review', by: deliveryLead, reply: 'Looking at it with the warehouse.' }],
    votes: 5,
  },
  {
    key: 'loyalty-basket',
    title: 'Show the loyalty discount in the basket',
    today: 'Regular readers only see their discount on the last step, and some leave before it.',
    change: 'Show the discount as soon as the book is in the basket.',
    department: 'Marketing',
    touchpoint: 'Checkout',
    author: 'dmytro@demo.test',
    anonymous: true,
    weeksAgo: 6,
    path: [{ status: 'under_review', by: exec, reply: 'Marketing and IT look at it together.' }],
    votes: 3,
  },
  {
    key: 'history',
    title: "The reader's order history beside the phone call too",
    today: 'On the phone we ask for the order number; in chat we already see the history.',
    change: 'Show the last orders to the agent when the call comes in, from the phone number.',
    department: 'Customer support',
    touchpoint: 'Support chat and phone',
    author: 'sofiia@demo.test',
    weeksAgo: 7,
    path: [
      { status: 'under_review', by: supportLead },
      { status: 'accepted', by: supportLead, reply: 'Accepted: IT adds the order history to the phone panel.' },
    ],
    votes: 9,
    comments: [{ by: itLead, body: 'Possible with the new phone system; two weeks of work.' }],
  },
  {
    key: 'refund-form',
    title: 'A shorter refund form',
    today: 'The refund form asks for the order number, the address and the reason in three steps.',
    change: 'One step: the order is known from the account, only the reason is asked.',
    department: 'Finance',
    touchpoint: 'Returns',
    author: 'dmytro@demo.test',
    weeksAgo: 8,
    path: [{ status: 'accepted', by: exec, reply: 'Accepted for next month.' }],
    votes: 4,
  },
  {
    key: 'free-delivery',
    title: 'Free delivery on every order',
    today: 'Readers drop the basket when they see the delivery price on a single paperback.',
    change: 'Make delivery free for all orders.',
    department: 'Finance',
    author: 'oleh@demo.test',
    weeksAgo: 10,
    path: [
      {
        status: 'declined',
        by: exec,
        reply: 'Declined: on a single paperback it costs more than we earn. We are testing free delivery from 600 UAH.',
      },
    ],
    votes: 7,
    comments: [{ by: 'kateryna@demo.test', body: 'A threshold would also raise the basket size.' }],
  },
  {
    key: 'chat-24-7',
    title: 'Open the chat around the clock',
    today: 'Night owls write at midnight and get an answer in the morning.',
    change: 'A night shift in chat.',
    department: 'Customer support',
    touchpoint: 'Support chat and phone',
    author: 'staff@demo.test',
    weeksAgo: 12,
    path: [
      {
        status: 'declined',
        by: supportLead,
        reply: 'Declined for now: night chats are 2% of all. The evening shift until 21:00 covers most of them.',
      },
    ],
    votes: 2,
  },
  {
    key: 'large-print',
    title: 'Packing slip in large print',
    today: 'Older readers tell us they cannot read the packing slip.',
    change: 'Print the slip in 14 pt with the return steps on the back.',
    department: 'Warehouse',
    touchpoint: 'Packaging',
    author: 'oleh@demo.test',
    weeksAgo: 6,
    path: [
      { status: 'accepted', by: exec, reply: 'Accepted: the new printer arrives this month.' },
      { status: 'in_progress', by: exec, reply: 'The template is being redone.' },
    ],
    votes: 5,
  },
  {
    key: 'track-no-login',
    title: 'Track a parcel without signing in',
    today: 'Readers who bought as guests cannot see where their parcel is.',
    change: 'A tracking page that takes the order number and the email.',
    department: 'IT',
    touchpoint: 'Courier delivery',
    author: 'yurii@demo.test',
    weeksAgo: 9,
    path: [
      { status: 'under_review', by: itLead },
      { status: 'accepted', by: itLead, reply: 'Accepted.' },
      { status: 'in_progress', by: itLead, reply: 'Built; testing with the courier.' },
    ],
    votes: 6,
  },
  {
    key: 'bigger-boxes',
    title: 'Bigger boxes for every order',
    today: 'Books get bent in tight boxes.',
    change: 'Use the next box size up.',
    department: 'Warehouse',
    touchpoint: 'Packaging',
    author: 'oleh@demo.test',
    weeksAgo: 15,
    path: [{ status: 'withdrawn', by: 'oleh@demo.test' }],
    votes: 0,
  },
  {
    key: 'hold-callback',
    title: 'A callback button instead of holding',
    today: 'Readers wait on hold for ten minutes at lunchtime.',
    change: 'Offer "we call you back" after one minute on hold.',
    department: 'Customer support',
    touchpoint: 'Support chat and phone',
    author: 'sofiia@demo.test',
    weeksAgo: 3,
    path: [],
    votes: 4,
    mergedInto: 'chat-languages',
  },
];

/** The improvements that came from ideas, by title: who had the idea and what they saw (the rest read generic). */
export const shippedIdeaDetails: Record<string, Partial<DemoIdea> & { author: string }> = {
  'Bookmark in every parcel': {
    title: 'Free bookmark for regular customers',
    today: 'Regular customers buy from us every month and nothing in the parcel says we know them.',
    change: 'Put a free bookmark in their parcels, with a handwritten thank-you from the packer.',
    author: 'staff@demo.test',
    votes: 10,
    comments: [
      { by: exec, body: 'Lovely. The packers can write the notes at the end of each shift.' },
      {
        by: 'oleh@demo.test',
        body: 'We can do it for every parcel, not only regulars: the bookmarks cost very little.',
      },
    ],
  },
  'Callback within 24 hours for unsolved cases': { author: 'sofiia@demo.test', votes: 6 },
  'Greeting readers by name in chat': { author: 'staff@demo.test', anonymous: true, votes: 3 },
  'Photo of the parcel at the door': { author: 'nadiia@demo.test', votes: 7 },
  'Search typo tolerance': { author: 'yurii@demo.test', votes: 5 },
  'Corner protectors for hardbacks': { author: 'oleh@demo.test', votes: 6 },
  'Refund to a gift card within a day': { author: 'dmytro@demo.test', anonymous: true, votes: 4 },
};
