// The firm's region as the server's policy packs describe it: which regions exist, and what a region
// changes in the questions (local registration, the wording of the research-institution condition).
import { findPack, PACKS } from '@domain/rules/packs.ts'

/** Regions with a policy pack; 全国 covers every other place (`short` fits a three-across button). */
export const REGION_OPTIONS = Object.values(PACKS).map((p) => ({
  id: p.id,
  name: p.id === 'national' ? '全国（其他地区）' : p.name,
  short: p.id === 'national' ? '其他地区' : p.name,
}))

/** The 直通车 research-institution condition where a region words it its own way (Ningbo also counts 宁波市级). */
export const labWording = (region: string) => findPack(region)?.lab?.wording

export const needsLocalRegistration = (region: string) => !!findPack(region)?.localRegistration
export const localPlace = (region: string) => findPack(region)?.localRegistration?.place
