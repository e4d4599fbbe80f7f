// The door of wheel (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { loadEmbed } from './embed';
export { exportFilename, loadWheelExport, renderWheelSvg } from './export';
export { pngCacheKey, pngWidth, renderPngCached } from './png';
export { wheelDataVersion } from './queries';
export {
	listMunicipalities,
	loadWheel,
	type MunicipalityRef,
	resolveSchoolYear,
	type WheelCategoryInfo,
	type WheelItem
} from './wheel';
