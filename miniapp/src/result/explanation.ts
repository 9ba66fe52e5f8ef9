// The explanation below the result, without the parts the page already shows above it: the template's lists
// of on-site triggers, reviewer questions, document findings and notes are each a finding at the top, so
// repeating them further down would only hide them in a folded text.
const LISTED = /^(可能被列为现场核查对象的情形|审核时可能关注的问题|材料核对发现|提示)[:：]$/

export function withoutListedFindings(text: string): string {
  const out: string[] = []
  let skipping = false
  for (const line of text.split('\n')) {
    const t = line.trim()
    if (LISTED.test(t)) {
      skipping = true
      continue
    }
    if (skipping && /^\d+[.、]/.test(t)) continue
    skipping = false
    out.push(line)
  }
  return out.join('\n')
}
