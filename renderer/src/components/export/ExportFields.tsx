/**
 * The choices of the export dialog as form fields: what to write (a term
 * sheet, or a redline against another scenario or file), for whom, which
 * scenario, the draft's label, the user's name, the money style, the paper.
 */
import { useId, useState } from 'react';
import type { ExportAudience, MoneyWording, PaperSize, RedlineAgainst } from '../../../../shared/api';
import type { Scenario } from '../../../../shared/model/schema';
import type { ExportApi } from './ExportDialog';

export interface ExportChoices {
  redline: boolean;
  audience: ExportAudience;
  /** The scenario printed (for a redline: the new side). */
  scenario: string;
  /** For a redline: the old side. */
  against: RedlineAgainst;
  draft: string;
  author: string;
  moneyStyle: MoneyWording;
  paper: PaperSize;
  openFolder: boolean;
}

interface Props {
  scenarios: readonly Pick<Scenario, 'id' | 'name'>[];
  choices: ExportChoices;
  update: (patch: Partial<ExportChoices>) => void;
  api: Pick<ExportApi, 'chooseOpenPath'>;
  whatIfs: readonly string[];
  /** The scenario on screen, whose slider what-ifs the dialog warns about. */
  scenarioId?: string;
}

export function ExportFields({ scenarios, choices, update, api, whatIfs, scenarioId }: Props) {
  const ids = useId();
  const [typingPath, setTypingPath] = useState(false);
  const { redline, against } = choices;
  const forThem = redline || choices.audience === 'counterparty';

  const chooseFile = async () => {
    const choice = await api.chooseOpenPath();
    if (choice.kind === 'chosen') update({ against: { kind: 'file', path: choice.path } });
    else if (choice.kind === 'in-app') setTypingPath(true);
  };

  return (
    <>
      <fieldset className="export-choice">
        <legend>Document</legend>
        <label>
          <input type="radio" name={`${ids}-doc`} checked={!redline} onChange={() => update({ redline: false })} />
          Term sheet
        </label>
        <label>
          <input type="radio" name={`${ids}-doc`} checked={redline} onChange={() => update({ redline: true })} />
          Redline: compare with another scenario or file (tracked changes, for the other side)
        </label>
      </fieldset>
      {!redline && (
        <fieldset className="export-choice">
          <legend>Audience</legend>
          <label>
            <input type="radio" name={`${ids}-audience`} value="counterparty" checked={choices.audience === 'counterparty'} onChange={() => update({ audience: 'counterparty' })} />
            Counterparty: the terms only, never our valuation, walk-away, discount rates, scenario names or notes
          </label>
          <label>
            <input type="radio" name={`${ids}-audience`} value="internal" checked={choices.audience === 'internal'} onChange={() => update({ audience: 'internal' })} />
            Internal: adds the valuation appendix (statistics, charts, model timing); values the scenario first
          </label>
        </fieldset>
      )}
      <div className="field wide">
        <label className="field-label" htmlFor={`${ids}-scenario`}>
          {redline ? 'New version: scenario' : 'Scenario'}
        </label>
        <select id={`${ids}-scenario`} value={choices.scenario} onChange={(e) => update({ scenario: e.target.value })}>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {whatIfs.length > 0 && choices.scenario === scenarioId && (
          <p className="export-warning" role="note">
            Not in this term sheet: the slider what-if{whatIfs.length > 1 ? 's' : ''} on screen ({whatIfs.join('; ')}). Term sheets show the scenario as written in the file; set the number in the deal or
            a scenario to use it.
          </p>
        )}
      </div>
      {redline && (
        <fieldset className="export-choice">
          <legend>Compare with (the previous version)</legend>
          <label>
            <input type="radio" name={`${ids}-against`} checked={against.kind === 'scenario'} onChange={() => update({ against: { kind: 'scenario', scenarioId: scenarios.find((s) => s.id !== choices.scenario)?.id ?? choices.scenario } })} />
            Another scenario of this deal
          </label>
          {against.kind === 'scenario' && (
            <select aria-label="Previous version: scenario" value={against.scenarioId} onChange={(e) => update({ against: { kind: 'scenario', scenarioId: e.target.value } })}>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
          <label>
            <input type="radio" name={`${ids}-against`} checked={against.kind === 'file'} onChange={() => update({ against: { kind: 'file', path: '' } })} />
            Another .deal file (the draft sent before)
          </label>
          {against.kind === 'file' && (
            <div className="toolbar">
              {typingPath ? (
                <input type="text" aria-label="Previous version: .deal file path" value={against.path} spellCheck={false} onChange={(e) => update({ against: { kind: 'file', path: e.target.value } })} />
              ) : (
                <code className="export-path">{against.path || 'No file chosen'}</code>
              )}
              <button type="button" onClick={() => void chooseFile()}>
                Choose file…
              </button>
            </div>
          )}
        </fieldset>
      )}
      {forThem && (
        <div className="field wide">
          <label className="field-label" htmlFor={`${ids}-draft`}>
            Draft label (printed on the document)
          </label>
          <input id={`${ids}-draft`} type="text" value={choices.draft} maxLength={200} onChange={(e) => update({ draft: e.target.value })} />
        </div>
      )}
      <div className="field wide">
        <label className="field-label" htmlFor={`${ids}-author`}>
          Your name (author{redline ? ' of the tracked changes' : ''})
        </label>
        <input id={`${ids}-author`} type="text" value={choices.author} maxLength={200} placeholder="As the other side should see it" onChange={(e) => update({ author: e.target.value })} />
      </div>
      <fieldset className="export-choice">
        <legend>Amounts</legend>
        {(
          [
            ['symbol', '$25.0M'],
            ['words', 'USD 25 million'],
          ] as const
        ).map(([style, label]) => (
          <label key={style}>
            <input type="radio" name={`${ids}-money`} checked={choices.moneyStyle === style} onChange={() => update({ moneyStyle: style })} />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="export-choice">
        <legend>Paper</legend>
        {(['A4', 'Letter'] as const).map((size) => (
          <label key={size}>
            <input type="radio" name={`${ids}-paper`} value={size} checked={choices.paper === size} onChange={() => update({ paper: size })} />
            {size}
          </label>
        ))}
      </fieldset>
      <label className="export-open">
        <input type="checkbox" checked={choices.openFolder} onChange={(e) => update({ openFolder: e.target.checked })} />
        Open the folder when done
      </label>
    </>
  );
}
