import { useId } from 'react'
import { Button } from '../../../components/button.tsx'
import { inputClass } from '../../../components/field.tsx'
import { COVERAGE_FAMILIES, STAND_ALONE, type CoverageArticle, type CoverageFamily, type CoverageGroupSetting } from '../../../domain/coverage/index.ts'
import { useChangeRefusal } from '../../../lib/change-rights.ts'
import { loadedByAnotherPractice } from './shared.ts'
import { useStore, type CoverageArticleRecord, type CoverageSettingsRecord } from '../../../storage/index.ts'

const FAMILY_NAME: Record<CoverageFamily, string> = { facet: 'Facet injections and RFA', epidural: 'Epidural injections', 'trigger-point': 'Trigger point injections' }

/** The imported articles, the ones the practice follows per family, and each group's settings. */
export function CoverageChoices({ articles, settings }: { articles: readonly CoverageArticleRecord[]; settings: CoverageSettingsRecord }) {
  const store = useStore()
  const id = useId()
  const mayRemove = useChangeRefusal('reference-files') === null
  const choicesRefusal = useChangeRefusal('coverage-settings')
  const readOnly = choicesRefusal !== null
  const save = (next: Pick<CoverageSettingsRecord, 'choices' | 'settings'>) =>
    void store.saveCoverageSettings({ id: 'practice', ...next, updatedAt: new Date().toISOString() })

  const toggle = (family: CoverageFamily, articleId: string, on: boolean) => {
    const current = settings.choices[family] ?? []
    save({ settings: settings.settings, choices: { ...settings.choices, [family]: on ? [...current, articleId] : current.filter((a) => a !== articleId) } })
  }
  const setGroup = (articleId: string, group: number, patch: Partial<CoverageGroupSetting>) => {
    const forArticle = settings.settings[articleId] ?? {}
    const next = { ...(forArticle[group] ?? STAND_ALONE), ...patch }
    save({ choices: settings.choices, settings: { ...settings.settings, [articleId]: { ...forArticle, [group]: next } } })
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Loaded Medicare billing articles</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="p-2">Article</th>
              <th scope="col" className="p-2">Title</th>
              <th scope="col" className="p-2">Version</th>
              <th scope="col" className="p-2">Groups</th>
              {mayRemove ? <th scope="col" className="p-2"><span className="sr-only">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {articles.map((record) => { const a = record.article; return (
              <tr key={a.articleId} className="border-b border-slate-200">
                <td className="p-2">{a.articleId}</td>
                <td className="p-2">{a.title ?? '(no title)'}</td>
                <td className="p-2">{a.version}</td>
                <td className="p-2">{a.groups.map((g) => `Group ${g.group} (${g.codes.length} codes)`).join(', ')}</td>
                {mayRemove ? (
                  <td className="p-2">
                    {loadedByAnotherPractice(record) ? null : <Button size="sm" onClick={() => void store.deleteCoverageArticle(a.articleId)} aria-label={`Remove article ${a.articleId}`}>Remove</Button>}
                  </td>
                ) : null}
              </tr>
            ) })}
          </tbody>
        </table>
      </div>
      {choicesRefusal ? <p role="note" className="rounded border border-slate-300 bg-slate-50 p-2 text-sm text-slate-800">{choicesRefusal}</p> : null}
      <div className="grid gap-3 lg:grid-cols-3">
        {COVERAGE_FAMILIES.map((family) => (
          <fieldset key={family} className="rounded border border-slate-300 bg-white p-3">
            <legend className="px-1 font-semibold text-brand-800">{FAMILY_NAME[family]}: articles the practice follows</legend>
            {articles.map(({ article: a }) => (
              <label key={a.articleId} className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" disabled={readOnly} checked={(settings.choices[family] ?? []).includes(a.articleId)}
                  onChange={(e) => toggle(family, a.articleId, e.target.checked)} />
                <span>{a.articleId}{a.title ? `: ${a.title}` : ''}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {articles.map(({ article }) => (
        <ArticleGroups key={article.articleId} idPrefix={`${id}-${article.articleId}`} article={article} settings={settings.settings[article.articleId] ?? {}} onChange={setGroup} readOnly={readOnly} />
      ))}
    </div>
  )
}

function ArticleGroups({ idPrefix, article, settings, onChange, readOnly }: {
  idPrefix: string
  article: CoverageArticle
  settings: Readonly<Record<number, CoverageGroupSetting>>
  onChange: (articleId: string, group: number, patch: Partial<CoverageGroupSetting>) => void
  readOnly: boolean
}) {
  return (
    <details className="rounded border border-slate-300 bg-white p-3">
      <summary className="cursor-pointer font-semibold text-brand-800">Groups of {article.articleId}</summary>
      <div className="mt-2 flex flex-col gap-3">
        {article.groups.map((g) => {
          const s = settings[g.group] ?? STAND_ALONE
          const gid = `${idPrefix}-g${g.group}`
          return (
            <section key={g.group} aria-labelledby={`${gid}-title`} className="flex flex-col gap-2 border-t border-slate-200 pt-2">
              <h5 id={`${gid}-title`} className="font-medium">Group {g.group} ({g.codes.length} codes)</h5>
              <p className="text-sm whitespace-pre-line text-slate-700">{g.paragraph || '(no paragraph)'}</p>
              <div className="flex flex-wrap items-end gap-4 text-sm">
                <div className="flex flex-col gap-1">
                  <label htmlFor={`${gid}-requires`} className="font-medium">Needs a second diagnosis from group</label>
                  <select id={`${gid}-requires`} className={inputClass} disabled={readOnly} value={s.requiresGroup ?? ''}
                    onChange={(e) => onChange(article.articleId, g.group, { requiresGroup: e.target.value === '' ? null : Number(e.target.value) })}>
                    <option value="">No second diagnosis needed</option>
                    {article.groups.filter((o) => o.group !== g.group).map((o) => <option key={o.group} value={o.group}>Group {o.group}</option>)}
                  </select>
                </div>
                <label className="flex items-center gap-2">
                  <input type="checkbox" disabled={readOnly} checked={s.secondaryOnly} onChange={(e) => onChange(article.articleId, g.group, { secondaryOnly: e.target.checked })} />
                  Counts only as a second diagnosis
                </label>
                <div className="flex flex-col gap-1">
                  <label htmlFor={`${gid}-applies`} className="font-medium">Applies to codes (blank: every code of the article)</label>
                  <input id={`${gid}-applies`} className={inputClass} disabled={readOnly} autoComplete="off" defaultValue={(s.appliesTo ?? []).join(', ')}
                    onBlur={(e) => {
                      const codes = e.target.value.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean)
                      onChange(article.articleId, g.group, { appliesTo: codes.length > 0 ? codes : null })
                    }} />
                </div>
              </div>
            </section>
          )
        })}
      </div>
    </details>
  )
}
