/**
 * The in-app help: one short entry per figure and idea a negotiator meets on
 * the results side, in plain words. The help panel lists and searches these;
 * every figure's label links to its entry by id (help-link.tsx).
 */
import { PREVIEW_ITERATIONS } from '../store/valuation-slice';

export interface HelpTopic {
  id: string;
  title: string;
  /** Paragraphs. */
  body: string[];
  /** Extra words people might search for. */
  keywords?: string;
}

const previewCount = PREVIEW_ITERATIONS.toLocaleString('en-US');

export const HELP_TOPICS: readonly HelpTopic[] = [
  {
    id: 'mean-npv',
    title: 'Mean NPV and its ± figure',
    body: [
      "NPV is the net present value of everything a party pays and receives under the deal, each cash flow discounted at that party's own discount rate. The mean is the average over all simulated outcomes.",
      'The ± figure is the standard error of that mean: how much the estimate itself could move with more iterations (Monte Carlo noise). It is not the spread of outcomes; P10 and P90 show that.',
    ],
    keywords: 'average expected value standard error precision noise',
  },
  {
    id: 'percentiles',
    title: 'P10, P50, P90 (and P5, P95)',
    body: [
      'P10 is the NPV that 10% of simulated outcomes fall below; P50 is the median (half below, half above); P90 is the NPV that 90% fall below. So 80% of outcomes lie between P10 and P90.',
      'Where a range is printed (the Word brief, the charts cut to "P5–P95 shown") it is the 90% range, P5 to P95, and is named so. Percentiles interpolate between simulated outcomes (the "type 7" rule of R and NumPy).',
    ],
    keywords: 'percentile median quantile range downside upside',
  },
  {
    id: 'walk-away',
    title: "Walk-away and the chance of beating it",
    body: [
      "A party's walk-away is the NPV below which it would rather not sign: its best alternative (BATNA).",
      '"Chance NPV ≥ walk-away" is the share of simulated outcomes in which that party ends at or above its walk-away. "Every party beats its walk-away" is the share in which all parties do at once.',
      'Colour: a mean NPV is green when it is at or above the walk-away and red when below, everywhere. Chances are shown in plain ink: a 35% chance can belong to a deal whose mean clears the walk-away.',
    ],
    keywords: 'batna reservation colour green red probability',
  },
  {
    id: 'distribution',
    title: 'NPV distribution and S-curve',
    body: [
      'The bars show the share of simulated outcomes in each NPV range. The S-curve shows, at each NPV, the chance of ending below it.',
      'The curve is drawn through the run\'s exact percentiles (the same ones as the cards), so at the walk-away it reads exactly the card\'s chance. A vertical step is an outcome that happens often with one value (a failed trial).',
      'The money axis is cut to the P5–P95 range, the walk-away and the mean, so a long tail does not squash the rest.',
    ],
    keywords: 'histogram cumulative s curve chart',
  },
  {
    id: 'cash-flows',
    title: 'Cash flows per period',
    body: ["For each period, the band spans the P10 to P90 of the party's cash flow, the line is the median and the dashed line the mean. Amounts are nominal (not discounted)."],
    keywords: 'fan chart band timeline',
  },
  {
    id: 'drivers',
    title: 'Drivers (tornado)',
    body: [
      "Each continuous input is held at its 10th and at its 90th percentile while every other input is drawn as usual; the bars show the party's mean NPV then. The widest swing is on top.",
      'A chance or discrete input (a trial succeeding, a launch year) gets one bar per outcome, labelled with the outcome and its probability, because its 10th and 90th percentiles are often the same outcome.',
      'Every bar uses the same random draws, so differences between bars are the inputs\', not noise. The same rows come from `dealwright sensitivity`.',
    ],
    keywords: 'sensitivity tornado inputs swing what matters',
  },
  {
    id: 'zopa',
    title: 'Zone of agreement (ZOPA)',
    body: [
      "The first chart shows each party's chance of at least each NPV, with its walk-away: where a curve crosses its walk-away line is that party's chance of beating it.",
      "The sweep moves one number across its slider's range (and past it while every party is still above its walk-away) and values the deal at each point at full precision, with the same random draws everywhere. The zone is where every party's mean NPV is at or above its walk-away; its ends are where a party's mean crosses its walk-away, interpolated between the points valued, not the slider's ends.",
      'The chances of beating each walk-away are on a chart of their own.',
    ],
    keywords: 'zopa zone of possible agreement sweep overlap bargaining range',
  },
  {
    id: 'preview',
    title: 'Preview and full run',
    body: [
      `While a slider moves, a short run of ${previewCount} iterations values the new position at once. Every full run also values its own first ${previewCount} iterations, the same draws the short run uses, so a preview is shown as the full run's figures moved by the change between the two short runs. It lands where the next full run lands, within its noise.`,
      'When the hand stops, a full run at the deal\'s iteration count replaces the preview. The line above the cards says which is shown ("Preview" or "Full run"), the iteration count and the seed.',
    ],
    keywords: 'preview full run iterations seed live slider estimate',
  },
  {
    id: 'what-ifs',
    title: 'Sliders and what-ifs',
    body: [
      'A slider is a what-if on the scenario on screen: it never changes the document. Pin the sliders as a new scenario to keep a position.',
      "Moves keep the deal valid: a party's share or stake moves the other parties' with it (the other party's in a two-party deal, the rest pro rata), a lognormal's median carries its P90 (same spread), and a slider stops where its number would make the deal invalid (a P90 below its median, a tier ceiling past the next). The slider says so beside its value.",
    ],
    keywords: 'slider what if share stake coupling range',
  },
  {
    id: 'ranges',
    title: 'How ranges are read',
    body: [
      "An input's low and high are its 90% range: 5% of draws fall below low and 5% above high (P5 and P95).",
      "A slider's range is where the negotiator wants to explore; the deal's validity may stop it sooner, and goal seek and the ZOPA sweep may look past it while the number stays valid.",
    ],
    keywords: 'low high interval 90% input range',
  },
  {
    id: 'scenarios',
    title: 'Scenario comparison',
    body: [
      'Every scenario is valued with the same seed and iteration count, so they differ only by their terms. The table lists the terms that differ between the scenarios, with each one\'s value, then each party\'s mean NPV and chance of beating its walk-away.',
      "The overlaid curves show each party's chance of at least each NPV under every scenario. \"Best for us\" is the scenario with our highest mean NPV in which every other party's mean still clears its walk-away.",
    ],
    keywords: 'compare scenarios table differences best',
  },
  {
    id: 'goal-seek',
    title: 'Goal seek',
    body: [
      "Choose a number, a party and the mean NPV you want for it: goal seek finds the value of the number that gives it, in the scenario on screen with the slider what-ifs. It searches the slider's range first, then as far as the number stays valid (0% to 100% for a rate, upward for an amount).",
    ],
    keywords: 'solve target break-even',
  },
  {
    id: 'negotiation',
    title: 'Negotiation rounds',
    body: [
      'Each round is one offer: who made it, when, what became of it, and its terms as changes to the deal as written (rounds do not stack). "Record their offer" starts a round by the other side from the terms on the table: change the numbers they changed. "Answer with…" starts our next round from theirs, or from a scenario.',
      'Every round is valued with the same simulated outcomes (the file\'s seed), so the change from one round to the next is the value of the moves made, not noise. A move\'s worth is the change of each side\'s mean NPV when that one number moves from the round before; ± is the standard error of that change, measured outcome by outcome, far smaller than either mean\'s own. "exact" means every outcome moved alike (an upfront paid at signing).',
      'The chart puts each round at (our mean NPV, their mean NPV): up is better for them, right is better for us; the shaded corner is where both beat their walk-aways. Round names and notes stay internal: a redline between two rounds prints only the terms.',
    ],
    keywords: 'offer counter round history moves worth timeline record answer',
  },
  {
    id: 'frontier',
    title: 'Efficient frontier',
    body: [
      'Over up to four numbers, each within its slider\'s range, the structures no other structure beats for both sides: from any of them, giving one side more means giving the other less. A point inside the frontier leaves value on the table for both.',
      'Every structure is valued on the same draws. The grid is the sliders\' own steps; the search values a coarse grid first and refines only where a frontier point can lie, which is exact for amounts, rates and thresholds (it checks this as it goes, and values the whole grid otherwise). Any point becomes a scenario or our next round.',
    ],
    keywords: 'pareto efficient trade-off optimal structures frontier',
  },
  {
    id: 'trades',
    title: 'What each move is worth (exchange rates)',
    body: [
      'For every slider, the change of each side\'s mean NPV for one step up and one step down, on the same draws. The rate says what each 1 we gain costs them: 1 : 1 is a pure transfer; above 1, conceding that number costs us less than it gives them, a cheap concession.',
      'When the sides value two numbers differently (they discount later money less than we do, or judge a milestone\'s chance differently), moving one way on one and the other way on the other can raise both sides\' value. Such pairs are measured as whole structures, not extrapolated, and each can be offered as our next round.',
    ],
    keywords: 'exchange rate concession trade swap logroll value creation',
  },
  {
    id: 'charts',
    title: 'Copying and exporting charts',
    body: ['Every chart\'s ⋯ menu (or right-click) copies it to the clipboard as an image, saves it as PNG or SVG with its title, axis titles and units, or saves its data as CSV.'],
    keywords: 'export png svg clipboard slide copy csv',
  },
];

export function helpTopic(id: string): HelpTopic | undefined {
  return HELP_TOPICS.find((t) => t.id === id);
}

/** Topics matching every word of the query (title, body, keywords), best first. */
export function searchHelp(query: string): HelpTopic[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...HELP_TOPICS];
  const scored = HELP_TOPICS.map((t) => {
    const title = t.title.toLowerCase();
    const text = `${title} ${t.body.join(' ')} ${t.keywords ?? ''}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return null;
    return { t, score: words.filter((w) => title.includes(w)).length };
  }).filter((x): x is { t: HelpTopic; score: number } => x !== null);
  return scored.sort((a, b) => b.score - a.score).map((x) => x.t);
}
