'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { type ColumnMapping, detectMapping, missingFields } from '@/lib/imports/columns';
import type { ImportTouchpoint } from '@/lib/imports/rows';
import { MAX_IMPORT_ROWS } from '@/lib/validation/imports';
import { checkFile, type FileCheck } from './check-file';
import { ColumnMappingForm } from './column-mapping';
import { type CsvFile, parseCsvFile } from './csv-file';
import { ImportPreview, PREVIEW_ROWS } from './import-preview';
import { ImportProgress, type ImportRun } from './import-progress';
import { type ImportOutcome, sendImport } from './send-import';

/** Choose a file, map its columns, check the preview, import: all on one page, each step below the previous one. */
export function ImportWizard({ touchpoints, timeZone }: { touchpoints: ImportTouchpoint[]; timeZone: string }) {
  const t = useTranslations('imports');
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<CsvFile | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  // The whole-file counts, kept with the file and mapping they were counted for: a stale count is never shown.
  const [counted, setCounted] = useState<{ file: CsvFile; mapping: ColumnMapping; check: FileCheck } | null>(null);
  const check = counted && counted.file === file && counted.mapping === mapping ? counted.check : null;
  const [run, setRun] = useState<ImportRun | null>(null);
  const context = useMemo(() => ({ touchpoints, timeZone }), [touchpoints, timeZone]);

  async function choose(chosen: File | undefined) {
    setFile(null);
    setMapping(null);
    setRun(null);
    setFileError(undefined);
    if (!chosen) return;
    setReading(0);
    try {
      const parsed = await parseCsvFile(chosen, setReading);
      if (parsed.rows.length === 0) setFileError(t('file.empty'));
      else if (parsed.rows.length > MAX_IMPORT_ROWS)
        setFileError(t('file.tooManyRows', { max: MAX_IMPORT_ROWS, rows: parsed.rows.length }));
      else {
        setFile(parsed);
        setMapping(detectMapping(parsed.headers));
      }
    } catch {
      setFileError(t('file.unreadable'));
    } finally {
      setReading(null);
    }
  }

  // Count valid and invalid rows of the whole file again whenever the mapping changes.
  useEffect(() => {
    if (!file || !mapping) return;
    let cancelled = false;
    void checkFile(file.rows, mapping, context, () => cancelled).then((result) => {
      if (!cancelled && result) setCounted({ file, mapping, check: result });
    });
    return () => {
      cancelled = true;
    };
  }, [file, mapping, context]);

  async function start(skipInvalid: boolean) {
    if (!file || !mapping) return;
    setRun({ phase: 'sending', done: 0, total: check?.valid ?? file.rows.length });
    const outcome = await sendImport(file, mapping, context, skipInvalid, (done, total) =>
      setRun({ phase: 'storing', done, total }),
    ).catch((): ImportOutcome => ({ ok: false, error: null }));
    setRun({ phase: 'finished', done: 0, total: 0, outcome });
    if (outcome.ok) router.refresh();
  }

  const missing = mapping ? missingFields(mapping) : [];
  const busy = run !== null && run.phase !== 'finished';
  return (
    <div className="space-y-6">
      <section aria-labelledby={`${inputId}-step1`} className="space-y-2">
        <h2 id={`${inputId}-step1`} className="text-base font-semibold">
          {t('step.file')}
        </h2>
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {t('file.label')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv,text/plain"
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
          aria-describedby={`${inputId}-hint`}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50"
        />
        <p id={`${inputId}-hint`} className="text-xs text-slate-500">
          {t('file.hint', { max: MAX_IMPORT_ROWS })}
        </p>
        {reading !== null ? (
          <p role="status" className="text-sm text-slate-600">
            {t('file.reading', { percent: Math.round(reading * 100) })}
          </p>
        ) : null}
        <FormError message={fileError} />
        {file ? (
          <p className="text-sm text-slate-700">
            {t('file.summary', { name: file.fileName, rows: file.rows.length, columns: file.headers.length })}
          </p>
        ) : null}
      </section>

      {file && mapping ? (
        <>
          <section aria-labelledby={`${inputId}-step2`} className="space-y-3">
            <h2 id={`${inputId}-step2`} className="text-base font-semibold">
              {t('step.map')}
            </h2>
            <ColumnMappingForm
              headers={file.headers}
              mapping={mapping}
              onChange={setMapping}
              touchpoints={touchpoints}
              missing={missing}
            />
          </section>

          <section aria-labelledby={`${inputId}-step3`} className="space-y-3">
            <h2 id={`${inputId}-step3`} className="text-base font-semibold">
              {t('step.preview', { count: Math.min(PREVIEW_ROWS, file.rows.length) })}
            </h2>
            {missing.length === 0 ? (
              <>
                <p role="status" className="text-sm text-slate-700">
                  {check
                    ? t('preview.counts', { rows: file.rows.length, valid: check.valid, invalid: check.invalid })
                    : t('preview.checking')}
                </p>
                <ImportPreview rows={file.rows} mapping={mapping} touchpoints={touchpoints} timeZone={timeZone} />
              </>
            ) : (
              <p className="text-sm text-slate-600">{t('preview.mapFirst')}</p>
            )}
          </section>

          <section aria-labelledby={`${inputId}-step4`} className="space-y-3">
            <h2 id={`${inputId}-step4`} className="text-base font-semibold">
              {t('step.import')}
            </h2>
            {check && missing.length === 0 && !(run?.phase === 'finished' && run.outcome?.ok) ? (
              check.invalid === 0 ? (
                <Button disabled={busy} onClick={() => void start(false)}>
                  {t('import.all', { count: check.valid })}
                </Button>
              ) : (
                <div className="space-y-2">
                  <p className="text-sm text-slate-700">{t('import.someInvalid', { invalid: check.invalid })}</p>
                  {check.valid > 0 ? (
                    <Button disabled={busy} onClick={() => void start(true)}>
                      {t('import.validOnly', { count: check.valid })}
                    </Button>
                  ) : null}
                </div>
              )
            ) : null}
            {run ? <ImportProgress run={run} /> : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
