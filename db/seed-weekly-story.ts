import type { TargetMetric } from '@/lib/domain/goal';

/**
 * The demo's weekly tracker, area by area: one improvement a week, each with its own title, the touchpoints it
 * changed and the metric it should move, declared in advance. Gaps (a missing week) and late entries are the
 * areas' habits, so streaks differ from row to row; in the current week Customer support, Delivery and Website
 * have logged and the others not yet. Marketing, HR and some back-stage changes touch no touchpoint: their cards
 * say there is nothing to measure.
 *
 * The areas rotate the metric they aim at, so neighbouring changes at a touchpoint rarely declare the same one
 * (the impact model then tells them apart). Around the changes that moved something (seed-metrics-story: movers)
 * no other change at the same touchpoint declares the same metric, or none, from four weeks before to four after.
 */
export interface DemoImprovement {
  weeksAgo: number;
  title: string;
  /** Touchpoint names; none for a change customers do not meet at one touchpoint. */
  at?: readonly string[];
  /** The declared target metric (better is up, down for TTR); omitted: none declared. */
  metric?: TargetMetric;
  /** With metric 'business': what it measures, and which way is better. */
  business?: { name: string; direction: 'up' | 'down' };
  late?: boolean;
  /** Came from a front-line idea. */
  idea?: boolean;
  before?: string;
  after?: string;
}

const support = 'Support chat and phone';
const returns = 'Returns';
const courier = 'Courier delivery';
const search = 'Search and website';
const product = 'Product page';
const checkout = 'Checkout';
const payment = 'Payment';
const packaging = 'Packaging';

export const weeklyStory: Record<string, DemoImprovement[]> = {
  'Customer support': [
    { weeksAgo: 25, title: 'Evening chat shift until 21:00', at: [support], metric: 'csat' },
    { weeksAgo: 24, title: "The reader's last order shown beside every chat", at: [support], metric: 'ces' },
    {
      weeksAgo: 23,
      title: 'Callback within 24 hours for unsolved cases',
      at: [support, returns],
      metric: 'ttr',
      idea: true,
    },
    { weeksAgo: 22, title: 'One named agent per case', at: [support], metric: 'nev' },
    { weeksAgo: 21, title: 'Refund status in every reply about a return', at: [returns], metric: 'csat' },
    { weeksAgo: 20, title: 'Weekly review of the ten worst-rated chats', at: [support], metric: 'csat' },
    { weeksAgo: 19, title: 'Greeting readers by name in chat', at: [support], metric: 'nev', idea: true },
    { weeksAgo: 18, title: 'Queue position announced on the phone line', at: [support], metric: 'ces' },
    { weeksAgo: 16, title: 'Return label emailed within the hour', at: [returns], metric: 'csat' },
    { weeksAgo: 15, title: 'Escalation to a senior agent after two replies', at: [support], metric: 'ttr' },
    { weeksAgo: 14, title: 'Out-of-stock alternatives offered in chat', at: [support], metric: 'nev', idea: true },
    { weeksAgo: 13, title: 'The first agent keeps the complaint, no transfers', at: [support], metric: 'ttr' },
    { weeksAgo: 12, title: 'Chat transcript emailed after every conversation', at: [support], metric: 'nev' },
    {
      weeksAgo: 11,
      title: 'Ready answers for delivery questions',
      at: [support],
      metric: 'csat',
      idea: true,
      before: 'Every agent typed delivery answers from memory, each one differently.',
      after: 'Twelve checked answers for delivery questions, one click away in the chat.',
    },
    { weeksAgo: 10, title: 'Follow-up message three days after a solved case', at: [support], metric: 'nps' },
    { weeksAgo: 9, title: 'Shared inbox tags for damaged books', at: [support], metric: 'ttr' },
    {
      weeksAgo: 8,
      title: 'Replacement sent before the damaged book comes back',
      at: [returns],
      metric: 'nps',
      late: true,
    },
    { weeksAgo: 7, title: 'Reply templates in plain language', at: [support], metric: 'nev' },
    { weeksAgo: 6, title: 'Return pickup booked from the chat', at: [returns], metric: 'nev', idea: true },
    { weeksAgo: 5, title: 'Photos of damage accepted in chat', at: [support, returns], metric: 'ces', late: true },
    { weeksAgo: 4, title: 'Phone line open on Saturday mornings', at: [support], metric: 'csat' },
    { weeksAgo: 3, title: 'Apology voucher when an order is late', at: [support], metric: 'nps' },
    { weeksAgo: 2, title: "Daily stand-up on yesterday's complaints", at: [support], late: true },
    { weeksAgo: 1, title: 'Support hours shown on the contact page', at: [support], metric: 'ces', idea: true },
    { weeksAgo: 0, title: "The caller's orders open from their phone number", at: [support], metric: 'nev' },
  ],
  Delivery: [
    { weeksAgo: 24, title: 'Courier route sheets sorted by district', at: [courier], metric: 'csat', late: true },
    { weeksAgo: 23, title: 'Delivery instructions passed on to the courier', at: [courier], metric: 'nev', idea: true },
    { weeksAgo: 22, title: 'Second delivery attempt free of charge', at: [courier], metric: 'nps', late: true },
    { weeksAgo: 21, title: 'Courier calls 30 minutes ahead', at: [courier], metric: 'csat' },
    { weeksAgo: 19, title: 'Rain covers for courier bags', at: [courier], metric: 'nev' },
    { weeksAgo: 18, title: 'Courier checklist for fragile parcels', at: [courier], metric: 'csat' },
    {
      weeksAgo: 17,
      title: 'SMS with time window',
      at: [courier],
      metric: 'nps',
      before: 'Readers knew the day of delivery, not the time, and waited at home all day.',
      after: 'The evening before, an SMS gives a four-hour window.',
    },
    { weeksAgo: 16, title: 'Photo of the parcel at the door', at: [courier], metric: 'nev', idea: true },
    { weeksAgo: 15, title: 'Parcel lockers in three more districts', at: [courier], metric: 'csat' },
    { weeksAgo: 14, title: 'Evening delivery slot 18:00-21:00', at: [courier], metric: 'nev' },
    {
      weeksAgo: 13,
      title: 'Left with a neighbour only when the reader agrees',
      at: [courier],
      metric: 'csat',
      idea: true,
    },
    { weeksAgo: 12, title: 'Weekend delivery in Kyiv', at: [courier], metric: 'nps' },
    { weeksAgo: 11, title: 'Entrance and floor shown to the courier', at: [courier], metric: 'csat' },
    { weeksAgo: 9, title: 'Failed deliveries followed up the same day', at: [courier], metric: 'nps' },
    { weeksAgo: 8, title: 'Courier ratings reviewed every Friday', at: [courier], metric: 'nev' },
    { weeksAgo: 7, title: 'Reschedule link in the delivery SMS', at: [courier], metric: 'nps', late: true },
    { weeksAgo: 6, title: 'Card terminal for every cash-on-delivery courier', at: [courier], metric: 'nev' },
    { weeksAgo: 5, title: 'Apology before the promised day ends, not after', at: [courier], metric: 'nps', idea: true },
    { weeksAgo: 4, title: 'Live courier location in the last 30 minutes', at: [courier], metric: 'nev' },
    { weeksAgo: 3, title: 'The same courier for regular addresses', at: [courier], metric: 'nps' },
    { weeksAgo: 2, title: 'Pickup point opening hours in the tracking SMS', at: [courier], metric: 'nev' },
    { weeksAgo: 1, title: 'A delivery date range instead of one promised day', at: [courier], metric: 'nps' },
    { weeksAgo: 0, title: 'Parcel handed over only after checking the name', at: [courier] },
  ],
  Website: [
    { weeksAgo: 24, title: 'Search typo tolerance', at: [search], metric: 'ces', idea: true },
    { weeksAgo: 23, title: 'Stock shown per format', at: [product], metric: 'csat' },
    { weeksAgo: 22, title: 'Category pages load in under two seconds', at: [search], metric: 'nev' },
    { weeksAgo: 21, title: 'Reviews sorted by helpfulness', at: [product], metric: 'nev' },
    { weeksAgo: 20, title: 'Promo code field above the order total', at: [checkout], metric: 'csat', idea: true },
    { weeksAgo: 19, title: 'Filters for language and translation', at: [search], metric: 'ces' },
    { weeksAgo: 18, title: 'Larger cover images on phones', at: [product], metric: 'nev' },
    { weeksAgo: 17, title: 'The confirmation page says what happens next', at: [checkout], metric: 'nev' },
    { weeksAgo: 16, title: 'Author pages with every edition', at: [search], metric: 'nev' },
    { weeksAgo: 15, title: 'Translator named on every book page', at: [product], metric: 'csat' },
    { weeksAgo: 14, title: 'Notify-me button for books out of stock', at: [product], metric: 'nev', idea: true },
    { weeksAgo: 13, title: 'Delivery date shown in the cart', at: [checkout], metric: 'csat' },
    { weeksAgo: 12, title: 'Search suggestions after three letters', at: [search], metric: 'nev' },
    {
      weeksAgo: 11,
      title: 'Sign-in required before checkout',
      at: [checkout],
      metric: 'ces',
      before: 'Readers could buy as guests and typed their address every time.',
      after: 'Readers sign in or create an account first, so their address is saved for next time.',
    },
    { weeksAgo: 9, title: 'Sample pages on the product page', at: [product], metric: 'nev', idea: true },
    { weeksAgo: 8, title: 'Gift message field at checkout', at: [checkout], metric: 'nev' },
    {
      weeksAgo: 7,
      title: 'Staff picks shelf on the home page',
      at: [search],
      metric: 'nev',
      before: 'The home page showed the newest books only.',
      after: 'Twelve books chosen by our staff, with a line on why, changed every week.',
    },
    {
      weeksAgo: 6,
      title: 'Guest checkout is back',
      at: [checkout],
      metric: 'ces',
      idea: true,
      before: 'Readers had to create an account before paying.',
      after: 'Readers may pay as guests again; an account is offered after the order.',
    },
    { weeksAgo: 5, title: 'Series order shown on book pages', at: [product], metric: 'nev' },
    { weeksAgo: 4, title: 'Address autocomplete at checkout', at: [checkout], metric: 'nev' },
    { weeksAgo: 3, title: 'Recently viewed books on the home page', at: [search], metric: 'ces' },
    { weeksAgo: 2, title: 'Checkout buttons within thumb reach on phones', at: [checkout], metric: 'nev' },
    { weeksAgo: 1, title: 'Out-of-print books hidden from search', at: [search], metric: 'nev' },
    { weeksAgo: 0, title: 'The cart kept across devices', at: [checkout, product] },
  ],
  Marketing: [
    { weeksAgo: 22, title: 'Newsletter promises checked with Delivery' },
    { weeksAgo: 21, title: 'Honest delivery times in every ad' },
    {
      weeksAgo: 20,
      title: 'Reader stories on the home page',
      metric: 'business',
      business: { name: 'Repeat-customer rate (%)', direction: 'up' },
    },
    { weeksAgo: 18, title: 'Clear return policy page', idea: true },
    {
      weeksAgo: 17,
      title: 'Newsletter sent on Thursday evenings',
      metric: 'business',
      business: { name: 'Newsletter open rate (%)', direction: 'up' },
    },
    { weeksAgo: 15, title: 'Discount codes tested before they are sent', late: true },
    {
      weeksAgo: 14,
      title: 'Book club news in the newsletter',
      metric: 'business',
      business: { name: 'Newsletter open rate (%)', direction: 'up' },
      late: true,
    },
    { weeksAgo: 13, title: 'Replies on social media within two hours' },
    {
      weeksAgo: 7,
      title: 'Six weeks of free delivery and a gift e-book with every order',
      metric: 'business',
      business: { name: 'Orders per week', direction: 'up' },
      before: 'Delivery cost 60 UAH on orders under 800 UAH.',
      after: 'For six weeks every order ships free and comes with a gift e-book.',
    },
    { weeksAgo: 5, title: 'Reader reviews quoted in ads', idea: true },
    { weeksAgo: 4, title: 'Unsubscribe in one click' },
    { weeksAgo: 3, title: 'Author evenings announced a month ahead' },
    { weeksAgo: 2, title: 'Last order dates for gifts published early' },
    {
      weeksAgo: 1,
      title: 'Newsletter shows only books in stock',
      metric: 'business',
      business: { name: 'Newsletter click-through (%)', direction: 'up' },
    },
  ],
  Warehouse: [
    { weeksAgo: 24, title: 'Picking list sorted by shelf' },
    { weeksAgo: 22, title: 'Double check of gift orders', at: [packaging], metric: 'csat' },
    { weeksAgo: 21, title: 'Corner protectors for hardbacks', at: [packaging], metric: 'csat', idea: true },
    { weeksAgo: 20, title: 'Box sizes matched to the order', at: [packaging], metric: 'nev' },
    { weeksAgo: 18, title: 'Stock count every Friday' },
    { weeksAgo: 17, title: 'Packing photo for fragile orders', at: [packaging], metric: 'csat' },
    { weeksAgo: 14, title: 'Recycled paper padding instead of plastic', at: [packaging], metric: 'nev' },
    { weeksAgo: 12, title: 'Barcode scan at packing stops wrong books', at: [packaging], metric: 'csat' },
    { weeksAgo: 11, title: 'Damaged stock set aside on arrival', at: [packaging], metric: 'csat', late: true },
    { weeksAgo: 10, title: 'Orders before 14:00 packed the same day', at: [packaging], metric: 'csat' },
    {
      weeksAgo: 9,
      title: 'Bookmark in every parcel',
      at: [packaging],
      metric: 'nev',
      idea: true,
      before: 'Books arrived in a plain box.',
      after: 'Every parcel holds a bookmark with a handwritten line from the packer.',
    },
    { weeksAgo: 8, title: 'Waterproof sleeve on rainy days', at: [packaging], metric: 'csat' },
    { weeksAgo: 7, title: 'Returns unpacked within a day' },
    { weeksAgo: 6, title: 'Gift orders packed without the price', at: [packaging], metric: 'csat' },
    { weeksAgo: 5, title: 'Better light at the packing benches' },
    { weeksAgo: 4, title: 'Thank-you note in every first order', at: [packaging], metric: 'nev', late: true },
    { weeksAgo: 3, title: 'Address labels on the top of the box', at: [packaging], metric: 'nev' },
    { weeksAgo: 1, title: 'Second packing shift on Mondays', at: [packaging], metric: 'nev' },
  ],
  IT: [
    { weeksAgo: 25, title: 'Stock synced with the warehouse every five minutes', at: [product], metric: 'csat' },
    { weeksAgo: 24, title: 'Tracking link in every order email', at: [courier], metric: 'nev' },
    { weeksAgo: 23, title: 'Payment page loads in under a second', at: [payment], metric: 'ces' },
    { weeksAgo: 22, title: "Support sees the reader's orders in the helpdesk", at: [support], metric: 'ttr' },
    { weeksAgo: 21, title: 'Apple Pay and Google Pay', at: [payment], metric: 'ces', idea: true },
    { weeksAgo: 19, title: 'Checkout errors say what to fix', at: [checkout], metric: 'csat' },
    { weeksAgo: 16, title: '3-D Secure only above 2,000 UAH', at: [payment], metric: 'ces', late: true },
    { weeksAgo: 15, title: 'Nightly restore test of the order database' },
    { weeksAgo: 13, title: 'Card decline reason in plain words', at: [payment], metric: 'nev' },
    { weeksAgo: 12, title: 'Outage alerts posted to the support chat', late: true },
    { weeksAgo: 11, title: 'Checkout session kept for two hours', at: [checkout], metric: 'nev' },
    { weeksAgo: 10, title: 'Payment confirmation email within a minute', at: [payment], metric: 'nev' },
    { weeksAgo: 9, title: 'Address validation at checkout', at: [checkout], metric: 'nev', idea: true },
    { weeksAgo: 8, title: 'Double-charge check before capture', at: [payment], metric: 'nev' },
    { weeksAgo: 7, title: 'Status page for outages' },
    { weeksAgo: 6, title: 'Failed bank transfers retried automatically', at: [payment], metric: 'nev' },
    { weeksAgo: 5, title: 'Error tracking on the phone checkout', at: [checkout], metric: 'nev' },
    { weeksAgo: 4, title: 'Images served from a CDN', at: [search], metric: 'ces' },
    { weeksAgo: 3, title: 'Two-factor sign-in for staff accounts' },
    { weeksAgo: 2, title: 'Order status API for support', at: [support], metric: 'ttr' },
    { weeksAgo: 1, title: 'Lighter payment page on phones', at: [payment], metric: 'ces' },
  ],
  Finance: [
    { weeksAgo: 23, title: 'Invoice on request in chat' },
    { weeksAgo: 21, title: 'Card fees shown before payment', at: [payment], metric: 'ces' },
    { weeksAgo: 19, title: 'Refund amount confirmed by email', at: [returns], metric: 'nev' },
    { weeksAgo: 18, title: 'Cash-on-delivery receipt by SMS', at: [payment], metric: 'nev', idea: true },
    { weeksAgo: 17, title: 'Failed payments reconciled every month' },
    { weeksAgo: 16, title: 'Refund started the day the return arrives', at: [returns], metric: 'csat' },
    { weeksAgo: 13, title: 'Bank details copied with one click', at: [payment], metric: 'nev' },
    { weeksAgo: 11, title: 'VAT invoices for companies in the order email' },
    { weeksAgo: 9, title: 'Partial refunds without a second return form', at: [returns], metric: 'nev' },
    { weeksAgo: 6, title: 'Instalments for orders over 3,000 UAH', at: [payment], metric: 'nev' },
    { weeksAgo: 5, title: 'Refund to a gift card within a day', at: [returns], metric: 'nps', idea: true },
    { weeksAgo: 4, title: 'Supplier invoices paid within 14 days' },
    { weeksAgo: 3, title: 'Refund status checked every morning', at: [returns], metric: 'csat' },
    { weeksAgo: 2, title: 'Reminder for unpaid bank transfers', at: [payment], metric: 'ces' },
  ],
  HR: [
    { weeksAgo: 25, title: 'Service training for new hires' },
    {
      weeksAgo: 24,
      title: 'A buddy for the first two weeks',
      metric: 'business',
      business: { name: 'New-hire turnover (%)', direction: 'down' },
      late: true,
    },
    { weeksAgo: 23, title: 'Monthly customer-story session' },
    { weeksAgo: 19, title: 'Exit interviews ask about readers' },
    { weeksAgo: 17, title: 'Support agents spend a day in the warehouse' },
    { weeksAgo: 16, title: 'Job ads describe the service we expect', idea: true },
    { weeksAgo: 15, title: 'Quarterly award for the best reader story' },
    { weeksAgo: 13, title: 'Shift swaps in a shared calendar' },
    { weeksAgo: 10, title: 'A day on a courier route for every new hire' },
    { weeksAgo: 9, title: 'Training on calming angry callers' },
    { weeksAgo: 8, title: "Readers' comments read out at the Monday meeting" },
    { weeksAgo: 3, title: 'Staffing plan for the busy weeks agreed with Support' },
  ],
};
